import type { Interval } from './interval.js'
import type { Summary } from './summary.js'
import { DEFAULT_ALPHA } from './welch.js'

/**
 * Default spread of the normal mixture over the true difference, in standard deviations of the
 * metric: τ = 0.1·σ. The mixture test is most sensitive to effects of about this size; much larger
 * effects are still found, just a little later than with a better-tuned τ. Set `mixingVariance`
 * to (smallest effect you care about)² to tune it.
 */
export const DEFAULT_MIXING_SD_IN_SDS = 0.1

export type SequentialOptions = {
  alpha?: number
  /** τ², in squared units of the metric. Keep it fixed for the life of an experiment. */
  mixingVariance?: number
}

export type SequentialResult = {
  /** mean(B) − mean(A). */
  difference: number
  /** Estimated variance of the difference, Var(A)/n_A + Var(B)/n_B. */
  variance: number
  mixingVariance: number
  /** Mixture likelihood ratio Λ against "no difference". */
  likelihoodRatio: number
  /** Always-valid p-value: may be read at any look, as often as one likes. */
  pValue: number
  /** Always-valid 1 − alpha confidence interval (a confidence sequence) of the difference. */
  ci: Interval
  alpha: number
  significant: boolean
}

/**
 * Normal-mixture sequential probability ratio test (mSPRT) of Johari, Koomen, Pekelis and Walsh,
 * "Always Valid Inference: Continuous Monitoring of A/B Tests", Operations Research 70(3), 2022.
 * With d̂ = mean(B) − mean(A) ~ N(d, V) and the mixture d ~ N(0, τ²) under the alternative,
 *   Λ = √(V / (V + τ²)) · exp(τ² d̂² / (2V(V + τ²))),
 * and by Ville's inequality P(Λ ever reaches 1/α | d = 0) ≤ α. So p = min(1, 1/Λ) is valid at
 * every look, and the set of d₀ whose own Λ stays below 1/α is the interval returned:
 *   d̂ ± √(V(V + τ²)/τ² · (2 ln(1/α) + ln((V + τ²)/V))).
 * V uses the sample variances (a plug-in, as in the paper's A/B-test section), so the guarantee
 * is asymptotic; it holds well from a few dozen observations per arm.
 */
export function sequentialTest(a: Summary, b: Summary, options: SequentialOptions = {}): SequentialResult {
  const alpha = options.alpha ?? DEFAULT_ALPHA
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`sequentialTest: alpha must be in (0, 1), got ${alpha}`)
  if (!(a.n >= 2 && b.n >= 2)) throw new RangeError('sequentialTest: each arm needs at least 2 observations')
  const variance = a.variance / a.n + b.variance / b.n
  const pooledVariance = (a.variance + b.variance) / 2
  const tau2 = options.mixingVariance ?? DEFAULT_MIXING_SD_IN_SDS ** 2 * pooledVariance
  const difference = b.mean - a.mean
  if (!(variance > 0 && tau2 > 0)) return degenerate(difference, variance, tau2, alpha)

  const logLambda =
    0.5 * Math.log(variance / (variance + tau2)) +
    (tau2 * difference ** 2) / (2 * variance * (variance + tau2))
  const pValue = Math.min(1, Math.exp(-logLambda))
  const half = Math.sqrt(
    ((variance * (variance + tau2)) / tau2) *
      (2 * Math.log(1 / alpha) + Math.log((variance + tau2) / variance)),
  )
  return {
    difference,
    variance,
    mixingVariance: tau2,
    likelihoodRatio: Math.exp(logLambda),
    pValue,
    ci: { lower: difference - half, upper: difference + half },
    alpha,
    significant: pValue < alpha,
  }
}

// No spread in either arm: as in the Welch test, equal means say nothing and different ones are certain.
function degenerate(difference: number, variance: number, tau2: number, alpha: number): SequentialResult {
  const certain = difference !== 0
  return {
    difference,
    variance,
    mixingVariance: tau2,
    likelihoodRatio: certain ? Number.POSITIVE_INFINITY : 1,
    pValue: certain ? 0 : 1,
    ci: { lower: difference, upper: difference },
    alpha,
    significant: certain,
  }
}

/**
 * Carries a sequential result forward from the previous look: the running minimum of the
 * p-values and the running intersection of the intervals, which are just as valid and never
 * flip back once a look has shown a difference.
 */
export function accumulateSequential(
  previous: SequentialResult | null,
  current: SequentialResult,
): SequentialResult {
  if (!previous) return current
  const pValue = Math.min(previous.pValue, current.pValue)
  const lower = Math.max(previous.ci.lower, current.ci.lower)
  const upper = Math.min(previous.ci.upper, current.ci.upper)
  // Disjoint intervals mean the plug-in variance moved; keep the current look rather than an empty set.
  const ci = lower <= upper ? { lower, upper } : current.ci
  return { ...current, pValue, ci, significant: pValue < current.alpha }
}
