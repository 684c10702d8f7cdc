import { describe, it } from 'vitest'
import { chiSquareCdf, chiSquareSf } from './chi-square.js'
import { expectClose } from './testing/close.js'

// Reference values: scipy.stats.chi2.cdf / chi2.sf (scipy 1.17.1), printed with repr(); the two
// 0.95 rows are the textbook critical values qchisq(0.95, 1) and qchisq(0.95, 10).
const VALUES: [x: number, df: number, cdf: number, sf: number][] = [
  [3.841458820694124, 1, 0.9500000000000001, 0.04999999999999989],
  [18.307038053275146, 10, 0.95, 0.05000000000000005],
  [2, 6, 0.08030139707139418, 0.9196986029286058],
  [0.1, 3, 0.00816257626812352, 0.9918374237318764],
  [1e-4, 1, 0.007978712629263208, 0.9920212873707368],
  [100, 10, 1, 5.4497019829205215e-17],
  [500, 2, 1, 2.6691902155412655e-109],
  [1200, 1000, 0.9999877440576694, 1.2255942330622893e-5],
]

describe('chi-square distribution', () => {
  it('matches reference CDF values to 1e-10 relative', () => {
    for (const [x, df, cdf] of VALUES) expectClose(chiSquareCdf(x, df), cdf, 1e-10)
  })

  it('matches reference upper-tail values to 1e-10 relative, down to 1e-109', () => {
    for (const [x, df, , sf] of VALUES) expectClose(chiSquareSf(x, df), sf, 1e-10)
  })

  it('is 0 at and below zero', ({ expect }) => {
    expect(chiSquareCdf(0, 3)).toBe(0)
    expect(chiSquareCdf(-1, 3)).toBe(0)
    expect(chiSquareSf(0, 3)).toBe(1)
  })
})
