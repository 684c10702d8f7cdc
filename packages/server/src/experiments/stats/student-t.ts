import { normalCdf, normalPdf, normalQuantile } from './normal.js'
import { logBeta, regularizedBeta } from './special-functions.js'

const QUANTILE_RELATIVE_TOLERANCE = 1e-14
const QUANTILE_MAX_STEPS = 200

/** Density of Student's t with `df` degrees of freedom (df = Infinity gives the normal). */
export function studentTPdf(t: number, df: number): number {
  if (!(df > 0)) return Number.NaN
  if (df === Number.POSITIVE_INFINITY) return normalPdf(t)
  return Math.exp(-0.5 * Math.log(df) - logBeta(0.5, 0.5 * df) - 0.5 * (df + 1) * Math.log1p((t * t) / df))
}

// P(T ≤ −|t|) = ½·I_{ν/(ν+t²)}(ν/2, ½); the complement t²/(ν+t²) is passed exactly.
function lowerTail(t: number, df: number): number {
  const t2 = t * t
  return 0.5 * regularizedBeta(df / (df + t2), 0.5 * df, 0.5, t2 / (df + t2))
}

/** P(T ≤ t) for Student's t with `df` > 0 degrees of freedom (not necessarily an integer). */
export function studentTCdf(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN
  if (df === Number.POSITIVE_INFINITY) return normalCdf(t)
  if (t === Number.NEGATIVE_INFINITY) return 0
  if (t === Number.POSITIVE_INFINITY) return 1
  return t < 0 ? lowerTail(t, df) : 1 - lowerTail(t, df)
}

/** P(T > t), accurate in the far upper tail. */
export function studentTSf(t: number, df: number): number {
  return studentTCdf(-t, df)
}

/** The t with P(T ≤ t) = p. */
export function studentTQuantile(p: number, df: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1 || !(df > 0)) return Number.NaN
  if (df === Number.POSITIVE_INFINITY) return normalQuantile(p)
  if (p === 0) return Number.NEGATIVE_INFINITY
  if (p === 1) return Number.POSITIVE_INFINITY
  if (p > 0.5) return -studentTQuantile(1 - p, df)
  if (p === 0.5) return 0
  // Closed forms for one and two degrees of freedom (Cauchy; Hill 1970).
  if (df === 1) return Math.tan(Math.PI * (p - 0.5))
  if (df === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p))
  return lowerQuantile(p, df)
}

// Newton's method on the CDF inside a bracket [lo, hi] that always holds the root; a step that
// would leave the bracket becomes a bisection, so heavy tails (small df) cannot make it diverge.
function lowerQuantile(p: number, df: number): number {
  let hi = 0
  let lo = Math.min(cornishFisher(normalQuantile(p), df), -1)
  while (lowerTail(lo, df) > p) {
    hi = lo
    lo *= 2
  }
  let x = cornishFisher(normalQuantile(p), df)
  if (!(x > lo && x < hi)) x = 0.5 * (lo + hi)
  for (let step = 0; step < QUANTILE_MAX_STEPS; step++) {
    const f = lowerTail(x, df) - p
    if (f === 0) return x
    if (f > 0) hi = x
    else lo = x
    let next = x - f / studentTPdf(x, df)
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi)
    if (Math.abs(next - x) <= QUANTILE_RELATIVE_TOLERANCE * Math.abs(x)) return next
    x = next
  }
  return x
}

// Cornish–Fisher expansion of the t quantile in terms of the normal quantile z (Abramowitz and
// Stegun 26.7.5); a starting point only.
function cornishFisher(z: number, df: number): number {
  const z2 = z * z
  const g1 = (z2 + 1) * z * 0.25
  const g2 = ((5 * z2 + 16) * z2 + 3) * z * (1 / 96)
  const g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z * (1 / 384)
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3
}
