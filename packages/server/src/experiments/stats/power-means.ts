import { noncentralTCdf } from './noncentral-t.js'
import { ceilSampleSize, expandUpper, solveIncreasing } from './root-finding.js'
import { studentTQuantile } from './student-t.js'
import { DEFAULT_ALPHA } from './welch.js'

/** The power a sample size or detectable effect is planned for, when none is given. */
export const DEFAULT_POWER = 0.8

// Power of the two-sided, two-sample t test with n per arm and a common standard deviation, from
// the noncentral t distribution — R's power.t.test(strict = TRUE). n may be fractional, as in R.
// With unequal arms, n = 2 / (1/n_A + 1/n_B) gives the same noncentrality (see effectiveSampleSize).

export type MeansPowerInput = { effect: number; sd: number; n: number; alpha?: number }

/** Probability that the test rejects at level alpha when the true difference is `effect`. */
export function powerForMeans({ effect, sd, n, alpha = DEFAULT_ALPHA }: MeansPowerInput): number {
  check(sd, n, alpha)
  const df = 2 * (n - 1)
  const ncp = Math.abs(effect) / (sd * Math.sqrt(2 / n))
  const critical = studentTQuantile(1 - alpha / 2, df)
  // Both rejection regions count: the one on the wrong side matters only for tiny effects.
  return 1 - noncentralTCdf(critical, df, ncp) + noncentralTCdf(-critical, df, ncp)
}

/** Smallest absolute difference detected with probability `power` at n per arm. */
export function minimumDetectableEffectForMeans({
  sd,
  n,
  alpha = DEFAULT_ALPHA,
  power = DEFAULT_POWER,
}: {
  sd: number
  n: number
  alpha?: number
  power?: number
}): number {
  check(sd, n, alpha, power)
  const gap = (effect: number) => powerForMeans({ effect, sd, n, alpha }) - power
  return solveIncreasing(gap, 0, expandUpper(gap, sd))
}

/** Units per arm needed to detect `effect` with probability `power` (rounded up). */
export function sampleSizeForMeans({
  effect,
  sd,
  alpha = DEFAULT_ALPHA,
  power = DEFAULT_POWER,
}: {
  effect: number
  sd: number
  alpha?: number
  power?: number
}): number {
  check(sd, 2, alpha, power)
  if (effect === 0) throw new RangeError('sampleSizeForMeans: an effect of 0 cannot be detected')
  const gap = (n: number) => powerForMeans({ effect, sd, n, alpha }) - power
  if (gap(2) >= 0) return 2
  return ceilSampleSize(solveIncreasing(gap, 2, expandUpper(gap, 4)))
}

/** The per-arm size of a balanced design with the same precision as arms of n_A and n_B. */
export function effectiveSampleSize(nA: number, nB: number): number {
  return 2 / (1 / nA + 1 / nB)
}

function check(sd: number, n: number, alpha: number, power = 0.5): void {
  if (!(sd > 0 && Number.isFinite(sd))) throw new RangeError(`power: sd must be positive, got ${sd}`)
  if (!(n >= 2)) throw new RangeError(`power: n per arm must be at least 2, got ${n}`)
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`power: alpha must be in (0, 1), got ${alpha}`)
  if (!(power > 0 && power < 1)) throw new RangeError(`power: target power must be in (0, 1), got ${power}`)
}
