import type { ExperimentAggregates, Moments, StoredExperiment } from '../store/index.js'
import { type Arm, armOf } from './arm.js'
import { BUILTIN_METRICS, type MetricDefinition, parseMetricId, scoreMetric } from './metrics.js'

export type Role = 'primary' | 'guardrail' | 'secondary'
/** A metric with one arm per variant, in the experiment's variant order (null: no data). */
export type MetricArms = { d: MetricDefinition; role: Role; arms: (Arm | null)[] }

/**
 * Every metric the aggregates have data for, plus the primary metric and the guardrails even
 * without, each with its arms, primary first, then guardrails, then the rest.
 */
export function metricArms(experiment: StoredExperiment, agg: ExperimentAggregates): MetricArms[] {
  const definitions: [MetricDefinition, Moments[]][] = [
    ...BUILTIN_METRICS.map((m): [MetricDefinition, Moments[]] => [
      m,
      agg.metrics[m.id as keyof typeof agg.metrics],
    ]),
    ...agg.scores.map((s): [MetricDefinition, Moments[]] => [
      scoreMetric(s.level, s.name, s.source, s.dataType),
      s.rows,
    ]),
  ]
  for (const id of [experiment.primaryMetric, ...experiment.guardrails]) {
    const m = parseMetricId(id)
    if (m && !definitions.some(([d]) => d.id === id)) definitions.push([m, []])
  }
  const roleOf = (id: string): Role =>
    id === experiment.primaryMetric
      ? 'primary'
      : experiment.guardrails.includes(id)
        ? 'guardrail'
        : 'secondary'
  const order = { primary: 0, guardrail: 1, secondary: 2 }
  return definitions
    .map(([d, rows]) => ({
      d,
      role: roleOf(d.id),
      arms: experiment.variants.map((v) => {
        const m = rows.find((r) => r.variant === v.key)
        return m ? armOf(m, d.kind) : null
      }),
    }))
    .filter(({ role, arms }) => role !== 'secondary' || arms.some((a) => a !== null))
    .sort((a, b) => order[a.role] - order[b.role])
}
