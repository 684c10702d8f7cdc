import { regularizedGammaQ } from './special-functions.js'

const SQRT_TWO_PI = Math.sqrt(2 * Math.PI)

/** Density of the standard normal distribution. */
export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / SQRT_TWO_PI
}

// Φ(x) = ½·erfc(−x/√2) and erfc(z) = Q(½, z²), so both tails come from the upper incomplete gamma
// function, which keeps relative accuracy far into the tail (Φ(−30) ≈ 4.9e−198, not 0).
function lowerTail(x: number): number {
  return 0.5 * regularizedGammaQ(0.5, 0.5 * x * x)
}

/** P(Z ≤ x) for a standard normal Z. */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN
  return x < 0 ? lowerTail(x) : 1 - lowerTail(x)
}

/** P(Z > x) for a standard normal Z, accurate for large x. */
export function normalSf(x: number): number {
  return normalCdf(-x)
}

// Acklam's rational approximation (relative error < 1.2e−9), then one Halley step against the
// accurate Φ above, which brings it to full double precision.
const A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
  2.506628277459239,
]
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572]
const C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
]
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416]
const P_LOW = 0.02425

function acklam(p: number): number {
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p))
    return (
      (((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) /
      ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1)
    )
  }
  const q = p - 0.5
  const r = q * q
  return (
    ((((((A[0]! * r + A[1]!) * r + A[2]!) * r + A[3]!) * r + A[4]!) * r + A[5]!) * q) /
    (((((B[0]! * r + B[1]!) * r + B[2]!) * r + B[3]!) * r + B[4]!) * r + 1)
  )
}

/** The x with Φ(x) = p (the probit). Returns ±Infinity at 0 and 1, NaN outside [0, 1]. */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN
  if (p === 0) return Number.NEGATIVE_INFINITY
  if (p === 1) return Number.POSITIVE_INFINITY
  // 1 − p is exact for p ≥ ½, so working in the lower half loses nothing.
  if (p > 0.5) return -normalQuantile(1 - p)
  const x = acklam(p)
  const e = lowerTail(x) - p
  const u = e * SQRT_TWO_PI * Math.exp(0.5 * x * x)
  // Below p ≈ 1e−300 the density underflows; Acklam's value is then the best available.
  return Number.isFinite(u) ? x - u / (1 + 0.5 * x * u) : x
}
