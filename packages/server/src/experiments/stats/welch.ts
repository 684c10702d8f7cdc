import { type Interval, type RelativeLift, relativeLift } from './interval.js'
import { normalQuantile } from './normal.js'
import { studentTQuantile, studentTSf } from './student-t.js'
import type { Summary } from './summary.js'

export const DEFAULT_ALPHA = 0.05

export type WelchResult = {
  /** mean(B) − mean(A). */
  difference: number
  standardError: number
  /** Welch–Satterthwaite degrees of freedom. */
  df: number
  t: number
  /** Two-sided p-value for "the means are equal". */
  pValue: number
  /** 1 − alpha confidence interval of the difference. */
  ci: Interval
  /** mean(B) / mean(A) − 1 with a delta-method interval; null when mean(A) is 0. */
  relativeLift: RelativeLift | null
  alpha: number
  significant: boolean
}

/**
 * Welch's unequal-variances t test of B against A (Welch 1947), as R's
 * t.test(b, a, var.equal = FALSE). Each arm needs at least two observations.
 */
export function welchTest(
  a: Summary,
  b: Summary,
  { alpha = DEFAULT_ALPHA }: { alpha?: number } = {},
): WelchResult {
  checkSummary(a, 'a')
  checkSummary(b, 'b')
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`welchTest: alpha must be in (0, 1), got ${alpha}`)
  const seA2 = a.variance / a.n
  const seB2 = b.variance / b.n
  const variance = seA2 + seB2
  const standardError = Math.sqrt(variance)
  const difference = b.mean - a.mean
  // With both variances zero the Satterthwaite ratio is 0/0; the pooled df is the natural limit.
  const df = variance > 0 ? variance ** 2 / (seA2 ** 2 / (a.n - 1) + seB2 ** 2 / (b.n - 1)) : a.n + b.n - 2
  let t: number
  let pValue: number
  if (standardError > 0) {
    t = difference / standardError
    pValue = Math.min(1, 2 * studentTSf(Math.abs(t), df))
  } else {
    // Constant values in both arms: equal means are no evidence at all, different ones are certain.
    t = difference === 0 ? 0 : Math.sign(difference) * Number.POSITIVE_INFINITY
    pValue = difference === 0 ? 1 : 0
  }
  const half = studentTQuantile(1 - alpha / 2, df) * standardError
  return {
    difference,
    standardError,
    df,
    t,
    pValue,
    ci: { lower: difference - half, upper: difference + half },
    relativeLift: relativeLift(a.mean, seA2, b.mean, seB2, normalQuantile(1 - alpha / 2)),
    alpha,
    significant: pValue < alpha,
  }
}

function checkSummary(s: Summary, name: string): void {
  if (!(Number.isInteger(s.n) && s.n >= 2)) {
    throw new RangeError(`welchTest: arm ${name} needs at least 2 observations, got n = ${s.n}`)
  }
  if (!Number.isFinite(s.mean) || !(s.variance >= 0) || !Number.isFinite(s.variance)) {
    throw new RangeError(`welchTest: arm ${name} has a non-finite mean or a negative variance`)
  }
}
