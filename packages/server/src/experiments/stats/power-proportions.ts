import { normalCdf, normalQuantile } from './normal.js'
import { DEFAULT_POWER } from './power-means.js'
import { ceilSampleSize, expandUpper, solveIncreasing } from './root-finding.js'
import { DEFAULT_ALPHA } from './welch.js'

// Power of the two-sided pooled two-proportion z test with n per arm: the normal approximation of
// Fleiss, Levin and Paik (Statistical Methods for Rates and Proportions, 3rd ed., ch. 4), the formula
// of R's power.prop.test(strict = TRUE). The null variance uses the average rate p̄, the
// alternative variance the two rates:
//   power = Φ((√n·|Δ| − z·√(2p̄q̄)) / √(p_A q_A + p_B q_B)) + Φ((−√n·|Δ| − z·√(2p̄q̄)) / √(…)).

export type ProportionsPowerInput = { rateA: number; rateB: number; n: number; alpha?: number }

/** Probability that the test rejects at level alpha when the true rates are rateA and rateB. */
export function powerForProportions({
  rateA,
  rateB,
  n,
  alpha = DEFAULT_ALPHA,
}: ProportionsPowerInput): number {
  check(rateA, n, alpha)
  if (!(rateB >= 0 && rateB <= 1)) throw new RangeError(`power: rateB must be in [0, 1], got ${rateB}`)
  const z = normalQuantile(1 - alpha / 2)
  const mean = (rateA + rateB) / 2
  const nullSd = Math.sqrt(2 * mean * (1 - mean))
  const altSd = Math.sqrt(rateA * (1 - rateA) + rateB * (1 - rateB))
  const shift = Math.sqrt(n) * Math.abs(rateB - rateA)
  if (altSd === 0) return shift > 0 ? 1 : 0
  return normalCdf((shift - z * nullSd) / altSd) + normalCdf((-shift - z * nullSd) / altSd)
}

export type DetectableRate = { rateB: number; absolute: number; relative: number }

/**
 * Smallest increase over rateA detected with probability `power` at n per arm, or null when even
 * a rate of 100 % would not be. (A decrease of the same size is slightly easier or harder to
 * detect, as the variance of a rate depends on the rate.)
 */
export function minimumDetectableEffectForProportions({
  rateA,
  n,
  alpha = DEFAULT_ALPHA,
  power = DEFAULT_POWER,
}: {
  rateA: number
  n: number
  alpha?: number
  power?: number
}): DetectableRate | null {
  check(rateA, n, alpha, power)
  const gap = (rateB: number) => powerForProportions({ rateA, rateB, n, alpha }) - power
  if (gap(1) < 0) return null
  const rateB = solveIncreasing(gap, rateA, 1)
  return {
    rateB,
    absolute: rateB - rateA,
    relative: rateA > 0 ? rateB / rateA - 1 : Number.POSITIVE_INFINITY,
  }
}

/** Units per arm needed to tell rateB from rateA with probability `power` (rounded up). */
export function sampleSizeForProportions({
  rateA,
  rateB,
  alpha = DEFAULT_ALPHA,
  power = DEFAULT_POWER,
}: {
  rateA: number
  rateB: number
  alpha?: number
  power?: number
}): number {
  check(rateA, 1, alpha, power)
  if (rateA === rateB) throw new RangeError('sampleSizeForProportions: equal rates cannot be told apart')
  const gap = (n: number) => powerForProportions({ rateA, rateB, n, alpha }) - power
  if (gap(1) >= 0) return 1
  return ceilSampleSize(solveIncreasing(gap, 1, expandUpper(gap, 2)))
}

function check(rateA: number, n: number, alpha: number, power = 0.5): void {
  if (!(rateA >= 0 && rateA <= 1)) throw new RangeError(`power: rateA must be in [0, 1], got ${rateA}`)
  if (!(n >= 1)) throw new RangeError(`power: n per arm must be at least 1, got ${n}`)
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`power: alpha must be in (0, 1), got ${alpha}`)
  if (!(power > 0 && power < 1)) throw new RangeError(`power: target power must be in (0, 1), got ${power}`)
}
