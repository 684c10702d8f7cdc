import type { ExperimentSettings, StoredExperiment } from '../store/index.js'
import type { Arm } from './arm.js'
import { type Comparison, compareArms } from './compare.js'
import type { MetricArms } from './metric-arms.js'
import type { MetricDefinition } from './metrics.js'
import { benjaminiHochbergAdjust, holmAdjust } from './stats/index.js'

const MIN_UNITS = 2

/**
 * Each variant against the control on every metric: the tests, then the correction across that
 * variant's metrics, then the verdicts. Returns, per metric, its comparisons in variant order.
 * `units` are the assigned units per variant (to turn the share that has a metric into units).
 */
export function compareVariants(
  experiment: StoredExperiment,
  metrics: MetricArms[],
  units: number[],
): Comparison[][] {
  const { settings, control } = experiment
  const c = experiment.variants.findIndex((v) => v.key === control)
  const out: Comparison[][] = metrics.map(() => [])
  experiment.variants.forEach((v, i) => {
    if (i === c) return
    const comparable = (arms: (Arm | null)[]) =>
      (arms[c]?.units ?? 0) >= MIN_UNITS && (arms[i]?.units ?? 0) >= MIN_UNITS
    const family = metrics.filter(({ arms }) => comparable(arms)).length
    const comparisons = metrics.map(({ d, arms }) =>
      compareArms(arms[c] ?? null, arms[i] ?? null, v.key, control, {
        settings,
        direction: d.direction,
        family,
        coverage: coverage([arms[c] ?? null, arms[i] ?? null], [units[c]!, units[i]!]),
      }),
    )
    adjust(comparisons, settings.correction)
    comparisons.forEach((comparison, k) => {
      comparison.verdict = verdictOf(comparison, metrics[k]!.d, settings)
      out[k]!.push(comparison)
    })
  })
  return out
}

/** Share of assigned units that have the metric, averaged over the two arms. */
function coverage(arms: (Arm | null)[], units: number[]): number {
  const shares = arms.map((a, i) => (a && units[i]! > 0 ? a.units / units[i]! : 0))
  return shares.reduce((s, x) => s + x, 0) / shares.length
}

function adjust(comparisons: Comparison[], correction: ExperimentSettings['correction']) {
  const method =
    correction === 'holm' ? holmAdjust : correction === 'bh' ? benjaminiHochbergAdjust : (p: number[]) => p
  const tested = comparisons.filter((x) => x.pValue !== null)
  method(tested.map((x) => x.pValue!)).forEach((p, i) => {
    tested[i]!.pValueAdjusted = p
  })
  const seq = comparisons.filter((x) => x.sequential !== null)
  method(seq.map((x) => x.sequential!.pValue)).forEach((p, i) => {
    seq[i]!.sequential!.pValueAdjusted = p
  })
}

/** Significant after the correction (always-valid when sequential), in the metric's good or bad direction. */
function verdictOf(c: Comparison, d: MetricDefinition, s: ExperimentSettings): Comparison['verdict'] {
  if (c.pValue === null || c.difference === null) return 'insufficient_data'
  const p = s.sequential ? c.sequential!.pValueAdjusted : c.pValueAdjusted!
  if (!(p < s.alpha) || c.difference === 0) return 'inconclusive'
  return c.difference > 0 === (d.direction === 'higher') ? 'better' : 'worse'
}
