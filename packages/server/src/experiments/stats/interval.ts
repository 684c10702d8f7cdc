/** A two-sided confidence interval. */
export type Interval = { lower: number; upper: number }

/** Relative change of B against A (b / a − 1) with its confidence interval. */
export type RelativeLift = { estimate: number; ci: Interval }

/**
 * Relative lift b / a − 1 with a delta-method interval (Deng, Knoblich and Lu, "Applying the Delta
 * Method in Metric Analytics", KDD 2018): for independent arms
 *   Var(b̂ / â) ≈ Var(b̂) / a² + b² · Var(â) / a⁴,
 * where Var(â), Var(b̂) are the variances of the two estimates (squared standard errors). The
 * interval is symmetric and asymptotic; it is undefined (null) when the control mean is zero.
 */
export function relativeLift(
  meanA: number,
  varianceOfMeanA: number,
  meanB: number,
  varianceOfMeanB: number,
  z: number,
): RelativeLift | null {
  if (meanA === 0) return null
  const ratio = meanB / meanA
  const variance = varianceOfMeanB / meanA ** 2 + (meanB ** 2 * varianceOfMeanA) / meanA ** 4
  const half = z * Math.sqrt(variance)
  return { estimate: ratio - 1, ci: { lower: ratio - 1 - half, upper: ratio - 1 + half } }
}
