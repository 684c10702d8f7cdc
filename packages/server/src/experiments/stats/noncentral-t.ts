import { normalCdf } from './normal.js'
import { logBeta, regularizedBeta } from './special-functions.js'
import { studentTCdf } from './student-t.js'

// Noncentral t distribution, needed for the exact power of a t test. The series is Lenth's
// Algorithm AS 243 (Applied Statistics 38, 1989) as used by R's pt(q, df, ncp); the constants are
// R's, so power figures agree with R's power.t.test.
const ERROR_MAX = 1e-12
const MAX_ITERATIONS = 1000
const NORMAL_APPROXIMATION_MIN_DF = 4e5
// Beyond this noncentrality exp(−δ²/2) underflows; R switches to a normal approximation there.
const NORMAL_APPROXIMATION_MIN_NCP = Math.sqrt(2 * Math.LN2 * 1021)
const SQRT_TWO_OVER_PI = Math.sqrt(2 / Math.PI)

/** P(T ≤ t) for the noncentral t with `df` degrees of freedom and noncentrality `ncp`. */
export function noncentralTCdf(t: number, df: number, ncp: number): number {
  if (Number.isNaN(t) || !(df > 0) || !Number.isFinite(ncp)) return Number.NaN
  if (ncp === 0) return studentTCdf(t, df)
  if (t === Number.NEGATIVE_INFINITY) return 0
  if (t === Number.POSITIVE_INFINITY) return 1
  // P(T ≤ t; δ) for t < 0 is 1 − P(T ≤ −t; −δ).
  const negated = t < 0
  const tt = negated ? -t : t
  const del = negated ? -ncp : ncp
  const lower = lowerForPositive(tt, df, del)
  return Math.min(1, Math.max(0, negated ? 1 - lower : lower))
}

function lowerForPositive(tt: number, df: number, del: number): number {
  if (df > NORMAL_APPROXIMATION_MIN_DF || Math.abs(del) > NORMAL_APPROXIMATION_MIN_NCP) {
    const s = 1 / (4 * df)
    return normalCdf((tt * (1 - s) - del) / Math.sqrt(1 + tt * tt * 2 * s))
  }
  let tnc = 0
  const x = (tt * tt) / (tt * tt + df)
  if (x > 0) {
    const lambda = del * del
    let p = 0.5 * Math.exp(-0.5 * lambda)
    let q = SQRT_TWO_OVER_PI * p * del
    let s = 0.5 - p
    if (s < 1e-7) s = -0.5 * Math.expm1(-0.5 * lambda)
    let a = 0.5
    const b = 0.5 * df
    const rxb = (df / (tt * tt + df)) ** b
    let xodd = regularizedBeta(x, a, b, df / (tt * tt + df))
    let godd = 2 * rxb * Math.exp(a * Math.log(x) - logBeta(0.5, b))
    const bx = b * x
    let xeven = bx < Number.EPSILON ? bx : 1 - rxb
    let geven = bx * rxb
    tnc = p * xodd + q * xeven
    for (let it = 1; it <= MAX_ITERATIONS; it++) {
      a += 1
      xodd -= godd
      xeven -= geven
      godd *= (x * (a + b - 1)) / a
      geven *= (x * (a + b - 0.5)) / (a + 0.5)
      p *= lambda / (2 * it)
      q *= lambda / (2 * it + 1)
      tnc += p * xodd + q * xeven
      s -= p
      if (s < -1e-10 || (s <= 0 && it > 1)) break
      if (Math.abs(2 * s * (xodd - godd)) < ERROR_MAX) break
    }
  }
  return tnc + normalCdf(-del)
}
