/**
 * The API's shapes. They come from the server's own types, so a change there breaks the
 * dashboard's typecheck instead of its pages. Type-only imports: nothing of the server is bundled.
 */

import type { Anomaly } from '../../../server/src/analytics/anomalies.js'
import type {
  ConversationAnalysis,
  TurnAnalysis,
} from '../../../server/src/analytics/conversations/analyze.js'
import type { ReviewItem, ReviewReason } from '../../../server/src/analytics/conversations/review.js'
import type { Topic, TopicsResult } from '../../../server/src/analytics/intents/topics.js'
import type { Metrics, ScoreSummary } from '../../../server/src/analytics/metrics.js'
import type { Kpi, Overview } from '../../../server/src/analytics/overview.js'
import type { Point } from '../../../server/src/analytics/series.js'
import type { Trend } from '../../../server/src/analytics/trends.js'
import type {
  AssertionResult,
  GateResult,
  ItemComparison,
  ItemOutcome,
  MetricComparison,
  RunComparison,
  RunSummary,
} from '../../../server/src/datasets/index.js'
import type {
  ArmView,
  Comparison,
  Recommendation as ExperimentRecommendation,
  ExperimentResults,
  ExperimentView,
  MetricResult,
  VariantExposure,
} from '../../../server/src/experiments/index.js'
import type { PlaygroundReply } from '../../../server/src/http/routes/playground.js'
import type {
  Feedback,
  Project,
  Score,
  Session,
  SessionStats,
  Span,
  Trace,
} from '../../../server/src/model/index.js'
import type { ApplyResult, CycleCheck, GenerateResult } from '../../../server/src/optimize/index.js'
import type {
  MessageDiff,
  PromptDiff,
  PromptVersionView,
  RenderedPrompt,
} from '../../../server/src/prompts/index.js'
import type {
  EvalJob,
  ExperimentVariant,
  OptimizationAction,
  PromptMessage,
  StoredDataset,
  StoredDatasetItem,
  StoredDatasetVersion,
  StoredExperiment,
  StoredPrompt,
  StoredRecommendation,
  StoredRun,
  StoredRunItem,
} from '../../../server/src/store/index.js'
import type { AlertEvent } from '../../../server/src/store/repos/alert-events.js'
import type { AlertRule } from '../../../server/src/store/repos/alerts.js'

export type {
  AlertEvent,
  AlertRule,
  Anomaly,
  ApplyResult,
  ArmView,
  AssertionResult,
  Comparison,
  ConversationAnalysis,
  CycleCheck,
  EvalJob,
  ExperimentRecommendation,
  ExperimentResults,
  ExperimentVariant,
  ExperimentView,
  Feedback,
  GateResult,
  GenerateResult,
  ItemComparison,
  ItemOutcome,
  Kpi,
  MessageDiff,
  MetricComparison,
  MetricResult,
  Metrics,
  OptimizationAction,
  Overview,
  PlaygroundReply,
  Point,
  Project,
  PromptDiff,
  PromptMessage,
  PromptVersionView,
  RenderedPrompt,
  ReviewItem,
  ReviewReason,
  RunComparison,
  RunSummary,
  Score,
  ScoreSummary,
  Session,
  SessionStats,
  Span,
  StoredDataset,
  StoredDatasetItem,
  StoredDatasetVersion,
  StoredExperiment,
  StoredPrompt,
  StoredRecommendation,
  StoredRun,
  StoredRunItem,
  Topic,
  TopicsResult,
  Trace,
  Trend,
  TurnAnalysis,
  VariantExposure,
}

export type Page<T> = { data: T[]; nextCursor: string | null }

/** GET /api/v1/prompts */
export type PromptListItem = StoredPrompt & { versionCount: number }

export type SpanNode = { span: Span; children: SpanNode[] }

export type TraceDetail = {
  trace: Trace
  spans: Span[]
  spanTree: SpanNode[]
  scores: Score[]
  feedback: Feedback[]
}

export type SessionWithStats = Session & { stats: SessionStats }

export type SessionDetail = {
  session: Session
  stats: SessionStats
  turns: Trace[]
  scores: Score[]
  feedback: Feedback[]
}

/** GET /api/v1/analytics/conversations/review */
export type ReviewQueue = {
  total: number
  items: ReviewItem[]
  reasons: Record<ReviewReason, { weight: number; label: string }>
}

/** GET /api/v1/evaluations/status */
export type EvaluationStatus = {
  jobs: { pending: number; running: number; done: number; skipped: number; failed: number }
  lagMs: number
  judge: { provider: string; simulated: boolean; mode: 'auto' | 'on' | 'off' }
}

/** POST /api/v1/alerts/check */
export type AlertCheckResult = {
  events: AlertEvent[]
  rules: { id: string; name: string; value: number | null; sample: number; breaking: boolean }[]
}

/** GET /api/v1/prompts/:name/versions */
export type PromptVersions = { prompt: StoredPrompt; data: PromptVersionView[] }

/** GET /api/v1/datasets/:dataset */
export type DatasetDetail = StoredDataset & { versions: StoredDatasetVersion[] }

/** GET /api/v1/runs/:id/compare */
export type RunCompareResult = RunComparison & { gate: GateResult }

/** POST /api/v1/datasets/:dataset/items, /import, /from-traces */
export type ItemChange = {
  version: number | null
  added: number
  replaced: number
  removed: number
  skipped?: { traceId: string; reason: string }[]
}
