import { formatCost, formatInt, formatMs, formatRate, formatScore } from '../../lib/format.js'

type Label = { label: string; format(v: number | null): string }

const turns = (v: number | null) => (v === null ? '–' : v.toFixed(1))

/** Names and formats of the metrics that trends and anomaly flags talk about. */
const LABELS: Record<string, Label> = {
  interactions: { label: 'Interactions', format: formatInt },
  conversations: { label: 'Conversations', format: formatInt },
  evaluated: { label: 'Evaluated interactions', format: formatInt },
  errorRate: { label: 'Error rate', format: formatRate },
  'latencyMs.mean': { label: 'Mean latency', format: formatMs },
  'latencyMs.p95': { label: 'p95 latency', format: formatMs },
  latencyP95Ms: { label: 'p95 latency', format: formatMs },
  'timeToFirstTokenMs.mean': { label: 'Time to first token', format: formatMs },
  'cost.perInteractionUsd': { label: 'Cost per interaction', format: formatCost },
  'cost.totalUsd': { label: 'Total cost', format: formatCost },
  costUsd: { label: 'Cost', format: formatCost },
  'cost.perConversationUsd': { label: 'Cost per conversation', format: formatCost },
  'conversation.resolutionRate': { label: 'Resolution rate', format: formatRate },
  'conversation.satisfaction': { label: 'Satisfaction', format: formatRate },
  'conversation.turnsMean': { label: 'Turns per conversation', format: turns },
  'quality.highShare': { label: 'High-quality share', format: formatRate },
  qualityMean: { label: 'Quality (mean)', format: formatScore },
  'sentiment.negative': { label: 'Negative sentiment share', format: formatRate },
}

/** How to name and format a metric of /trends or /series anomalies (`scores.<name>.mean` included). */
export function metricLabel(metric: string): Label {
  const known = LABELS[metric]
  if (known) return known
  const score = /^scores\.(.+)\.mean$/.exec(metric)?.[1]
  if (score) return { label: `${score} (mean)`, format: formatScore }
  return { label: metric, format: (v) => (v === null ? '–' : String(v)) }
}
