import {
  allowedAggregations,
  COMPARATOR_TEXT,
  INTERACTION_METRICS,
  WINDOW_METRICS,
} from '../../../../server/src/alerts/vocabulary.js'
import type { AlertRule } from '../../lib/api-types.js'
import { formatCost, formatMs } from '../../lib/format.js'

export { allowedAggregations, COMPARATOR_TEXT }

export type Scope = 'interaction' | 'window'
type MetricInfo = { label: string; unit: string; unitInterval?: boolean }

/** What each metric means to a person, with the unit its threshold is in. */
export const METRIC_INFO: Record<string, MetricInfo> = {
  latency_ms: { label: 'Latency', unit: 'ms' },
  ttft_ms: { label: 'Time to first token', unit: 'ms' },
  cost_usd: { label: 'Cost', unit: 'USD' },
  total_tokens: { label: 'Tokens', unit: 'tokens' },
  error: { label: 'Failed interaction', unit: '1 = failed', unitInterval: true },
  error_rate: { label: 'Error rate', unit: '0–1', unitInterval: true },
  interactions: { label: 'Interactions', unit: 'count' },
  conversations: { label: 'Conversations', unit: 'count' },
  cost_per_conversation: { label: 'Cost per conversation', unit: 'USD' },
  high_quality_share: { label: 'High-quality share', unit: '0–1', unitInterval: true },
  negative_sentiment_share: { label: 'Negative sentiment share', unit: '0–1', unitInterval: true },
  positive_sentiment_share: { label: 'Positive sentiment share', unit: '0–1', unitInterval: true },
  resolution_rate: { label: 'Resolution rate', unit: '0–1', unitInterval: true },
  satisfaction: { label: 'Satisfaction', unit: '0–1', unitInterval: true },
  conversation_turns: { label: 'Turns per conversation', unit: 'turns' },
}

/** chatlens' own evaluators score in 0..1; a custom score may use its own scale. */
export const BUILT_IN_SCORES = [
  'relevance', 'coherence', 'toxicity', 'sentiment', 'support_signals', 'pii_leak', 'refusal',
  'length_appropriateness', 'quality', 'groundedness', 'judge_relevance', 'judge_correctness',
  'judge_helpfulness', 'judge_clarity', 'judge_toxicity', 'judge_overall',
] // biome-ignore format: a list of names

export const SCORE = 'score'

/** Metric choices of a scope: plain metrics, then "a score" (named in its own field). */
export function metricChoices(scope: Scope): string[] {
  return [...(scope === 'interaction' ? INTERACTION_METRICS : Object.keys(WINDOW_METRICS)), SCORE]
}

export function metricInfo(metric: string): MetricInfo {
  if (metric.startsWith('score:')) {
    const name = metric.slice(6)
    return BUILT_IN_SCORES.includes(name)
      ? { label: `${name} score`, unit: '0–1', unitInterval: true }
      : { label: `${name} score`, unit: '' }
  }
  return METRIC_INFO[metric] ?? { label: metric, unit: '' }
}

const MINUTE_MS = 60_000

export function formatWindow(ms: number): string {
  const min = ms / MINUTE_MS
  if (min % 1440 === 0) return `${min / 1440} d`
  if (min % 60 === 0) return `${min / 60} h`
  return `${min} min`
}

/** A measured value in the metric's unit. */
export function formatValue(metric: string, v: number): string {
  const { unit } = metricInfo(metric)
  if (unit === 'ms') return formatMs(v)
  if (unit === 'USD') return formatCost(v)
  return String(Math.round(v * 1000) / 1000)
}

/** A threshold as the person typed it, with its unit. */
export function formatThreshold(metric: string, v: number): string {
  const { unit } = metricInfo(metric)
  if (unit === 'ms') return formatMs(v)
  if (unit === 'USD') return `$${v}`
  return String(v)
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** One line a person reads: "Mean latency > 3.00 s over the last 1 h (≥ 20 observations)". */
export function describeRule(
  r: Pick<
    AlertRule,
    'scope' | 'metric' | 'aggregation' | 'comparator' | 'threshold' | 'windowMs' | 'minSample'
  >,
): string {
  const what = metricInfo(r.metric).label.toLowerCase()
  const cmp = `${COMPARATOR_TEXT[r.comparator]} ${formatThreshold(r.metric, r.threshold)}`
  const win = formatWindow(r.windowMs)
  if (r.scope === 'interaction') {
    const who = r.minSample > 1 ? `at least ${r.minSample} interactions` : 'any interaction'
    return capitalize(`${what} ${cmp} in ${who} of the last ${win}`)
  }
  const agg = r.aggregation === 'value' || r.aggregation === 'count' ? '' : `${r.aggregation} `
  const sample = r.minSample > 1 ? ` (≥ ${r.minSample} observations)` : ''
  return capitalize(`${agg}${what} ${cmp} over the last ${win}${sample}`)
}
