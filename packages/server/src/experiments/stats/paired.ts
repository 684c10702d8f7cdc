import type { Interval } from './interval.js'
import { logGamma } from './special-functions.js'
import { studentTQuantile, studentTSf } from './student-t.js'
import { summarize } from './summary.js'
import { DEFAULT_ALPHA } from './welch.js'

export type PairedTResult = {
  n: number
  /** Mean of the differences (after − before). */
  meanDifference: number
  standardError: number
  df: number
  t: number
  /** Two-sided p-value for "the mean difference is 0". */
  pValue: number
  ci: Interval
  alpha: number
  significant: boolean
}

/**
 * Student's paired t test on differences (after − before) of the same units, as R's
 * t.test(after, before, paired = TRUE). Needs at least two differences.
 */
export function pairedTTest(
  differences: readonly number[],
  { alpha = DEFAULT_ALPHA }: { alpha?: number } = {},
): PairedTResult {
  if (differences.length < 2)
    throw new RangeError(`pairedTTest: needs at least 2 pairs, got ${differences.length}`)
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`pairedTTest: alpha must be in (0, 1), got ${alpha}`)
  const s = summarize(differences)
  const df = s.n - 1
  const standardError = Math.sqrt(s.variance / s.n)
  let t: number
  let pValue: number
  if (standardError > 0) {
    t = s.mean / standardError
    pValue = Math.min(1, 2 * studentTSf(Math.abs(t), df))
  } else {
    // Every pair moved by the same amount: no movement is no evidence, any movement is certain.
    t = s.mean === 0 ? 0 : Math.sign(s.mean) * Number.POSITIVE_INFINITY
    pValue = s.mean === 0 ? 1 : 0
  }
  const half = studentTQuantile(1 - alpha / 2, df) * standardError
  return {
    n: s.n,
    meanDifference: s.mean,
    standardError,
    df,
    t,
    pValue,
    ci: { lower: s.mean - half, upper: s.mean + half },
    alpha,
    significant: pValue < alpha,
  }
}

export type SignTestResult = {
  /** Pairs that went up, went down, and did not move (ties are left out of the test). */
  positive: number
  negative: number
  ties: number
  /** Exact two-sided p-value: 2 · P(X ≤ min(positive, negative)), X ~ Binomial(positive + negative, ½). */
  pValue: number
  alpha: number
  significant: boolean
}

/** P(X ≤ k) for X ~ Binomial(n, ½), summed exactly in log space (no underflow for large n). */
export function binomialHalfCdf(k: number, n: number): number {
  if (k < 0) return 0
  if (k >= n) return 1
  const logHalfN = n * Math.log(0.5)
  const logChoose = (i: number) => logGamma(n + 1) - logGamma(i + 1) - logGamma(n - i + 1)
  const logs = Array.from({ length: k + 1 }, (_, i) => logChoose(i) + logHalfN)
  const max = Math.max(...logs)
  return Math.min(1, Math.exp(max) * logs.reduce((s, l) => s + Math.exp(l - max), 0))
}

/**
 * The sign test (Arbuthnot 1710; Conover, Practical Nonparametric Statistics, §3.4) on paired
 * differences: does the share of pairs that improved differ from one half? Makes no assumption
 * about the size or distribution of the differences, so it suits pass/fail outcomes (where it is
 * McNemar's exact test on the discordant pairs) and skewed scores alike.
 */
export function signTest(
  differences: readonly number[],
  { alpha = DEFAULT_ALPHA }: { alpha?: number } = {},
): SignTestResult {
  const positive = differences.filter((d) => d > 0).length
  const negative = differences.filter((d) => d < 0).length
  const ties = differences.length - positive - negative
  const n = positive + negative
  const pValue = n === 0 ? 1 : Math.min(1, 2 * binomialHalfCdf(Math.min(positive, negative), n))
  return { positive, negative, ties, pValue, alpha, significant: pValue < alpha }
}
