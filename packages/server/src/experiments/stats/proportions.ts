import { type Interval, type RelativeLift, relativeLift } from './interval.js'
import { normalQuantile, normalSf } from './normal.js'
import { DEFAULT_ALPHA } from './welch.js'

/** Successes out of trials for one arm (e.g. thumbs-up feedback out of rated answers). */
export type Counts = { successes: number; n: number }

/**
 * 'wald': the textbook unpooled interval. 'agresti-caffo': the same after adding one success and
 * one failure to each arm (Agresti and Caffo, The American Statistician 54, 2000), which keeps
 * its coverage when an arm has no successes or nothing but. 'auto' (default) uses Wald unless an
 * arm is at 0 % or 100 %, where Wald collapses to a zero-width interval.
 */
export type ProportionInterval = 'auto' | 'wald' | 'agresti-caffo'

export type ProportionResult = {
  rateA: number
  rateB: number
  /** rate(B) − rate(A). */
  difference: number
  /** Pooled z statistic of the test. */
  z: number
  /** Two-sided p-value for "the rates are equal". */
  pValue: number
  /** 1 − alpha interval of the difference (unpooled standard error). */
  ci: Interval
  intervalMethod: 'wald' | 'agresti-caffo'
  /** rate(B) / rate(A) − 1 with a delta-method interval; null when rate(A) is 0. */
  relativeLift: RelativeLift | null
  alpha: number
  significant: boolean
}

/**
 * Two-proportion z test of B against A: the statistic uses the pooled rate, as the null
 * hypothesis says both arms share one rate (R's prop.test(correct = FALSE) reports its square);
 * intervals use unpooled standard errors, as the arms may differ.
 */
export function twoProportionTest(
  a: Counts,
  b: Counts,
  { alpha = DEFAULT_ALPHA, interval = 'auto' }: { alpha?: number; interval?: ProportionInterval } = {},
): ProportionResult {
  checkCounts(a, 'a')
  checkCounts(b, 'b')
  if (!(alpha > 0 && alpha < 1))
    throw new RangeError(`twoProportionTest: alpha must be in (0, 1), got ${alpha}`)
  const rateA = a.successes / a.n
  const rateB = b.successes / b.n
  const difference = rateB - rateA
  const pooled = (a.successes + b.successes) / (a.n + b.n)
  const pooledSe = Math.sqrt(pooled * (1 - pooled) * (1 / a.n + 1 / b.n))
  // All successes or none in both arms: the data cannot tell the arms apart.
  const z = pooledSe > 0 ? difference / pooledSe : 0
  const pValue = pooledSe > 0 ? Math.min(1, 2 * normalSf(Math.abs(z))) : 1

  const degenerate = [rateA, rateB].some((r) => r === 0 || r === 1)
  const intervalMethod = interval === 'auto' ? (degenerate ? 'agresti-caffo' : 'wald') : interval
  const add = intervalMethod === 'agresti-caffo' ? 1 : 0
  const ciA = (a.successes + add) / (a.n + 2 * add)
  const ciB = (b.successes + add) / (b.n + 2 * add)
  const varA = (ciA * (1 - ciA)) / (a.n + 2 * add)
  const varB = (ciB * (1 - ciB)) / (b.n + 2 * add)
  const zCrit = normalQuantile(1 - alpha / 2)
  const half = zCrit * Math.sqrt(varA + varB)
  const lift = rateA === 0 ? null : relativeLift(ciA, varA, ciB, varB, zCrit)

  return {
    rateA,
    rateB,
    difference,
    z,
    pValue,
    ci: { lower: ciB - ciA - half, upper: ciB - ciA + half },
    intervalMethod,
    // The estimate is always the observed lift; only its interval comes from the adjusted counts.
    // A rate cannot fall below zero, so neither can the lift below −100 %.
    relativeLift: lift && {
      estimate: rateB / rateA - 1,
      ci: { lower: Math.max(-1, lift.ci.lower), upper: lift.ci.upper },
    },
    alpha,
    significant: pValue < alpha,
  }
}

function checkCounts(c: Counts, name: string): void {
  const ok = Number.isInteger(c.n) && Number.isInteger(c.successes) && c.n >= 1
  if (!ok || c.successes < 0 || c.successes > c.n) {
    throw new RangeError(`twoProportionTest: arm ${name} needs integers 0 ≤ successes ≤ n and n ≥ 1`)
  }
}
