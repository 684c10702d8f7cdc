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
  Feedback,
  Project,
  Score,
  Session,
  SessionStats,
  Span,
  Trace,
} from '../../../server/src/model/index.js'
import type { AlertEvent } from '../../../server/src/store/repos/alert-events.js'
import type { AlertRule } from '../../../server/src/store/repos/alerts.js'

export type {
  AlertEvent,
  AlertRule,
  Anomaly,
  ConversationAnalysis,
  Feedback,
  Kpi,
  Metrics,
  Overview,
  Point,
  Project,
  ReviewItem,
  ReviewReason,
  Score,
  ScoreSummary,
  Session,
  SessionStats,
  Span,
  Topic,
  TopicsResult,
  Trace,
  Trend,
  TurnAnalysis,
}

export type Page<T> = { data: T[]; nextCursor: string | null }

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
