import type { Metrics } from '../analytics/index.js'

/** What a windowed rule can watch: allowed aggregations and how to read value and sample size. */
type WindowMetric = {
  aggregations: readonly string[]
  read(m: Metrics, aggregation: string): { value: number | null; sample: number }
}

const dist = (d: Metrics['latencyMs'], a: string) =>
  (
    ({ mean: d.mean, median: d.median, p95: d.p95, p99: d.p99, max: d.max, min: d.min }) as Record<
      string,
      number | null
    >
  )[a] ?? null
const DIST_AGGS = ['mean', 'median', 'p95', 'p99', 'max', 'min'] as const

/** Counts are judged whatever the sample, so a drop to zero traffic can fire. */
const ALWAYS = Number.MAX_SAFE_INTEGER

export const WINDOW_METRICS: Record<string, WindowMetric> = {
  latency_ms: {
    aggregations: DIST_AGGS,
    read: (m, a) => ({ value: dist(m.latencyMs, a), sample: m.latencyMs.n }),
  },
  ttft_ms: {
    aggregations: DIST_AGGS,
    read: (m, a) => ({ value: dist(m.timeToFirstTokenMs, a), sample: m.timeToFirstTokenMs.n }),
  },
  cost_usd: {
    aggregations: ['sum', 'mean'],
    read: (m, a) => ({
      value: a === 'sum' ? m.cost.totalUsd : m.cost.perInteractionUsd,
      sample: m.interactions,
    }),
  },
  total_tokens: {
    aggregations: ['sum', 'mean'],
    read: (m, a) => ({
      value: a === 'sum' ? m.tokens.total : m.tokens.perInteraction,
      sample: m.interactions,
    }),
  },
  error_rate: { aggregations: ['value'], read: (m) => ({ value: m.errorRate, sample: m.interactions }) },
  interactions: { aggregations: ['count'], read: (m) => ({ value: m.interactions, sample: ALWAYS }) },
  conversations: { aggregations: ['count'], read: (m) => ({ value: m.conversations, sample: ALWAYS }) },
  cost_per_conversation: {
    aggregations: ['value'],
    read: (m) => ({ value: m.cost.perConversationUsd, sample: m.conversations }),
  },
  high_quality_share: {
    aggregations: ['value'],
    read: (m) => ({ value: m.quality.highShare, sample: m.quality.n }),
  },
  negative_sentiment_share: {
    aggregations: ['value'],
    read: (m) => ({ value: m.sentiment.negative, sample: m.sentiment.n }),
  },
  positive_sentiment_share: {
    aggregations: ['value'],
    read: (m) => ({ value: m.sentiment.positive, sample: m.sentiment.n }),
  },
  resolution_rate: {
    aggregations: ['value'],
    read: (m) => ({ value: m.conversation.resolutionRate, sample: m.conversation.resolutionReported }),
  },
  satisfaction: {
    aggregations: ['mean'],
    read: (m) => ({ value: m.conversation.satisfaction.mean, sample: m.conversation.satisfaction.n }),
  },
  conversation_turns: {
    aggregations: ['mean', 'max'],
    read: (m, a) => ({
      value: a === 'max' ? m.conversation.turnsMax : m.conversation.turnsMean,
      sample: m.conversations,
    }),
  },
}

const SCORE_AGGS = ['mean', 'min', 'max'] as const

/** Reads a windowed rule's metric ("score:<name>" for any score) from the window's metrics. */
export function readWindowMetric(
  m: Metrics,
  metric: string,
  aggregation: string,
): { value: number | null; sample: number } {
  const score = scoreName(metric)
  if (score !== null) {
    const s = m.scores[score]
    if (!s) return { value: null, sample: 0 }
    const value = aggregation === 'min' ? s.min : aggregation === 'max' ? s.max : s.mean
    return { value, sample: s.n }
  }
  return WINDOW_METRICS[metric]!.read(m, aggregation)
}

/** Per-interaction rules test each interaction's own value. */
export const INTERACTION_METRICS = ['latency_ms', 'ttft_ms', 'cost_usd', 'total_tokens', 'error'] as const
export type InteractionMetric = (typeof INTERACTION_METRICS)[number]

export const scoreName = (metric: string): string | null =>
  metric.startsWith('score:') ? metric.slice(6) || null : null

/** Aggregations a metric allows in a scope, or null when the metric is unknown there. */
export function allowedAggregations(
  scope: 'interaction' | 'window',
  metric: string,
): readonly string[] | null {
  if (scope === 'interaction') {
    return scoreName(metric) !== null || (INTERACTION_METRICS as readonly string[]).includes(metric)
      ? ['value']
      : null
  }
  if (scoreName(metric) !== null) return SCORE_AGGS
  return WINDOW_METRICS[metric]?.aggregations ?? null
}

export const COMPARATOR_SQL = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const
export const COMPARATOR_TEXT = { gt: '>', gte: '≥', lt: '<', lte: '≤' } as const

export function breaks(value: number, comparator: keyof typeof COMPARATOR_SQL, threshold: number): boolean {
  switch (comparator) {
    case 'gt':
      return value > threshold
    case 'gte':
      return value >= threshold
    case 'lt':
      return value < threshold
    case 'lte':
      return value <= threshold
  }
}
