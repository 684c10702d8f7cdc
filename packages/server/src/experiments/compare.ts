import type { ExperimentSettings } from '../store/index.js'
import type { Arm } from './arm.js'
import type { Direction } from './metrics.js'
import {
  effectiveSampleSize,
  type Interval,
  minimumDetectableEffectForMeans,
  minimumDetectableEffectForProportions,
  type RelativeLift,
  sampleSizeForMeans,
  sampleSizeForProportions,
  sampleSizeForSequential,
  sequentialTest,
  twoProportionTest,
  welchTest,
} from './stats/index.js'

export type Method = 'welch' | 'welch-delta' | 'two-proportion'

export type SequentialComparison = {
  pValue: number
  pValueAdjusted: number
  /** Always-valid interval of the difference (B − A). */
  ci: Interval
  /** The same interval relative to the control's mean (taken as known). */
  ciRelative: Interval | null
}

/** Variant B against the control A on one metric. Statistics are null when an arm lacks data. */
export type Comparison = {
  variant: string
  control: string
  method: Method | null
  /** mean(B) − mean(A). */
  difference: number | null
  ci: Interval | null
  relativeLift: RelativeLift | null
  pValue: number | null
  /** After the correction across the comparison's metrics (Holm, Benjamini–Hochberg or none). */
  pValueAdjusted: number | null
  sequential: SequentialComparison | null
  /** better / worse: significant (adjusted; always-valid when sequential) in that direction. */
  verdict: 'better' | 'worse' | 'inconclusive' | 'insufficient_data'
  /** Smallest difference detectable with the planned power at the current sample. */
  mde: { absolute: number; relative: number | null } | null
  /** Assignment units per arm needed to detect the experiment's minimum effect on this metric. */
  unitsNeededPerArm: number | null
}

export type CompareContext = {
  settings: ExperimentSettings
  direction: Direction
  /** Metrics compared for this variant: the planned level is alpha / family (the worst case of Holm and BH). */
  family: number
  /** Share of the assigned units that have this metric, per arm (to turn observations into units). */
  coverage: number
}

const MIN_UNITS = 2

export function compareArms(
  a: Arm | null,
  b: Arm | null,
  variant: string,
  control: string,
  ctx: CompareContext,
): Comparison {
  const empty: Comparison = {
    variant,
    control,
    method: null,
    difference: null,
    ci: null,
    relativeLift: null,
    pValue: null,
    pValueAdjusted: null,
    sequential: null,
    verdict: 'insufficient_data',
    mde: null,
    unitsNeededPerArm: null,
  }
  if (!a || !b || a.units < MIN_UNITS || b.units < MIN_UNITS) return empty
  const { alpha, power, sequential, minimumEffect, correction } = ctx.settings
  const proportions = !a.clustered && !b.clustered && a.counts !== null && b.counts !== null
  const fixed = proportions
    ? twoProportionTest(a.counts!, b.counts!, { alpha })
    : welchTest(a.summary, b.summary, { alpha })
  const method: Method = proportions ? 'two-proportion' : a.clustered || b.clustered ? 'welch-delta' : 'welch'
  const effect = minimumEffect * Math.abs(a.mean)
  const mixingVariance = effect > 0 ? effect ** 2 : undefined
  let seq: SequentialComparison | null = null
  if (sequential) {
    const s = sequentialTest(a.summary, b.summary, { alpha, mixingVariance })
    const scale = a.mean === 0 ? null : Math.abs(a.mean)
    seq = {
      pValue: s.pValue,
      pValueAdjusted: s.pValue,
      ci: s.ci,
      ciRelative: scale ? { lower: s.ci.lower / scale, upper: s.ci.upper / scale } : null,
    }
  }
  const planAlpha = correction === 'none' ? alpha : alpha / Math.max(1, ctx.family)
  const sd = Math.sqrt((a.summary.variance + b.summary.variance) / 2)
  const nEff = effectiveSampleSize(a.summary.n, b.summary.n)
  return {
    ...empty,
    method,
    difference: fixed.difference,
    ci: fixed.ci,
    relativeLift: fixed.relativeLift,
    pValue: fixed.pValue,
    pValueAdjusted: fixed.pValue,
    sequential: seq,
    verdict: 'inconclusive',
    mde: detectable(a, sd, nEff, proportions, planAlpha, power),
    unitsNeededPerArm: needed(a, sd, effect, proportions, { ...ctx, planAlpha, mixingVariance }),
  }
}

function detectable(a: Arm, sd: number, n: number, proportions: boolean, alpha: number, power: number) {
  if (proportions) {
    const r = minimumDetectableEffectForProportions({ rateA: a.mean, n, alpha, power })
    return r && { absolute: r.absolute, relative: a.mean > 0 ? r.relative : null }
  }
  if (!(sd > 0) || n < 2) return null
  const absolute = minimumDetectableEffectForMeans({ sd, n, alpha, power })
  return { absolute, relative: a.mean === 0 ? null : absolute / Math.abs(a.mean) }
}

function needed(
  a: Arm,
  sd: number,
  effect: number,
  proportions: boolean,
  o: CompareContext & { planAlpha: number; mixingVariance: number | undefined },
): number | null {
  if (!(effect > 0) || !(sd > 0) || !(o.coverage > 0)) return null
  const { power, sequential } = o.settings
  let n: number
  if (sequential) {
    n = sampleSizeForSequential({ effect, sd, alpha: o.planAlpha, power, mixingVariance: o.mixingVariance })
  } else if (proportions) {
    // The improving direction, unless the rate is already at its bound there.
    let rateB = o.direction === 'higher' ? Math.min(1, a.mean + effect) : Math.max(0, a.mean - effect)
    if (rateB === a.mean) rateB = o.direction === 'higher' ? a.mean - effect : a.mean + effect
    n = sampleSizeForProportions({ rateA: a.mean, rateB, alpha: o.planAlpha, power })
  } else {
    n = sampleSizeForMeans({ effect, sd, alpha: o.planAlpha, power })
  }
  return Number.isFinite(n) ? Math.ceil(n / o.coverage) : null
}
