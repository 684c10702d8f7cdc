import type { Agg, ScoreAgg } from './aggregate.js'
import { type Moments, mean, std } from './moments.js'
import type { Sketch } from './sketch.js'
import { QUALITY_SCORE, SCORE_BINS, SENTIMENT_SCORE } from './thresholds.js'

/** A distribution of a measured value; percentiles from the sketch (see percentileError). */
export type Distribution = {
  n: number
  mean: number | null
  median: number | null
  p95: number | null
  p99: number | null
  std: number | null
  min: number | null
  max: number | null
}

export type ScoreSummary = {
  n: number
  mean: number | null
  std: number | null
  min: number | null
  max: number | null
  /** Counts in SCORE_BINS equal bins over 0..1. */
  histogram: { from: number; to: number; count: number }[]
  /** Share of values ≥ 0.8, > 0.6 and < 0.4. */
  highShare: number | null
  positiveShare: number | null
  negativeShare: number | null
  /** Categorical values and how often each was given. */
  labels: Record<string, number>
}

export type Metrics = {
  interactions: number
  conversations: number
  errors: number
  /** Interactions with at least one score. */
  evaluated: number
  errorRate: number | null
  errorsByType: Record<string, number>
  latencyMs: Distribution
  timeToFirstTokenMs: Distribution
  tokens: { input: number; output: number; total: number; perInteraction: number | null }
  cost: {
    totalUsd: number
    perInteractionUsd: number | null
    perConversationUsd: number | null
    pricedInteractions: number
  }
  scores: Record<string, ScoreSummary>
  /** The "quality" score: mean and share of high-quality responses (≥ 0.8). */
  quality: { n: number; mean: number | null; highShare: number | null }
  /** The "sentiment" score split: positive > 0.6, negative < 0.4, neutral otherwise. */
  sentiment: { n: number; positive: number | null; neutral: number | null; negative: number | null }
  /** Interactions per query category (judge's "category" score; "uncategorized" when none). */
  categories: Record<string, number>
  conversation: {
    count: number
    turnsMean: number | null
    turnsMax: number | null
    /** Share of conversations that ended (an end time was reported). */
    completionRate: number | null
    /** Share resolved, of those where resolution was reported. */
    resolutionRate: number | null
    resolutionReported: number
    satisfaction: { n: number; mean: number | null; std: number | null }
    withErrorsShare: number | null
    stages: Record<string, number>
    costPerConversationUsd: number | null
  }
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null)
const finite = (v: number) => (Number.isFinite(v) ? v : null)

export function distribution(m: Moments, sketch: Sketch | null): Distribution {
  return {
    n: m.n,
    mean: mean(m),
    median: sketch?.quantile(0.5) ?? null,
    p95: sketch?.quantile(0.95) ?? null,
    p99: sketch?.quantile(0.99) ?? null,
    std: std(m),
    min: m.n ? finite(m.min) : null,
    max: m.n ? finite(m.max) : null,
  }
}

export function scoreSummary(a: ScoreAgg): ScoreSummary {
  const n = a.m.n
  return {
    n,
    mean: mean(a.m),
    std: std(a.m),
    min: n ? finite(a.m.min) : null,
    max: n ? finite(a.m.max) : null,
    histogram: a.bins.map((count, i) => ({ from: i / SCORE_BINS, to: (i + 1) / SCORE_BINS, count })),
    highShare: ratio(a.atLeastHigh, n),
    positiveShare: ratio(a.abovePositive, n),
    negativeShare: ratio(a.belowNegative, n),
    labels: a.labels,
  }
}

/** The figures of PRODUCT.md 3.1 from an aggregate. `withSketches: false` leaves percentiles null. */
export function toMetrics({ t, c }: Agg, withSketches = true): Metrics {
  const scores: Record<string, ScoreSummary> = {}
  for (const [name, a] of [...t.scores].sort(([x], [y]) => x.localeCompare(y))) scores[name] = scoreSummary(a)
  const quality = scores[QUALITY_SCORE]
  const sentiment = scores[SENTIMENT_SCORE]
  const categories: Record<string, number> = {}
  for (const [k, n] of t.categories)
    categories[k || 'uncategorized'] = (categories[k || 'uncategorized'] ?? 0) + n
  const conversations = c.conversations
  return {
    interactions: t.traces,
    conversations,
    errors: t.errors,
    evaluated: t.scored,
    errorRate: ratio(t.errors, t.traces),
    errorsByType: Object.fromEntries(t.errorTypes),
    latencyMs: distribution(t.latency, withSketches ? t.latencySketch : null),
    timeToFirstTokenMs: distribution(t.ttft, withSketches ? t.ttftSketch : null),
    tokens: {
      input: t.inputTokens,
      output: t.outputTokens,
      total: t.totalTokens,
      perInteraction: ratio(t.totalTokens, t.traces),
    },
    cost: {
      totalUsd: t.cost.sum,
      perInteractionUsd: ratio(t.cost.sum, t.traces),
      perConversationUsd: ratio(c.cost, conversations),
      pricedInteractions: t.cost.n,
    },
    scores,
    quality: { n: quality?.n ?? 0, mean: quality?.mean ?? null, highShare: quality?.highShare ?? null },
    sentiment: sentimentSplit(sentiment),
    categories,
    conversation: {
      count: conversations,
      turnsMean: mean(c.turns),
      turnsMax: conversations ? finite(c.turns.max) : null,
      completionRate: ratio(c.ended, conversations),
      resolutionRate: ratio(c.resolvedYes, c.resolvedKnown),
      resolutionReported: c.resolvedKnown,
      satisfaction: { n: c.satisfaction.n, mean: mean(c.satisfaction), std: std(c.satisfaction) },
      withErrorsShare: ratio(c.withErrors, conversations),
      stages: c.stages,
      costPerConversationUsd: ratio(c.cost, conversations),
    },
  }
}

function sentimentSplit(s: ScoreSummary | undefined): Metrics['sentiment'] {
  if (!s || s.n === 0) return { n: 0, positive: null, neutral: null, negative: null }
  const positive = s.positiveShare ?? 0
  const negative = s.negativeShare ?? 0
  return { n: s.n, positive, neutral: Math.max(0, 1 - positive - negative), negative }
}
