import { regularizedGammaP, regularizedGammaQ } from './special-functions.js'

/** P(X ≤ x) for a chi-square variable with `df` > 0 degrees of freedom. */
export function chiSquareCdf(x: number, df: number): number {
  if (!(df > 0)) return Number.NaN
  return regularizedGammaP(0.5 * df, 0.5 * x)
}

/** P(X > x): the p-value of a chi-square statistic, accurate when it is tiny. */
export function chiSquareSf(x: number, df: number): number {
  if (!(df > 0)) return Number.NaN
  return regularizedGammaQ(0.5 * df, 0.5 * x)
}
