import { describe, expect, it } from 'vitest'
import { twoProportionTest } from './proportions.js'
import { expectClose } from './testing/close.js'

describe('two-proportion z test', () => {
  it('reproduces the statsmodels proportions_ztest example', () => {
    // statsmodels docs, proportions_ztest: count = [5, 12], nobs = [83, 99] gives p-value 0.159.
    // Full precision from scipy.stats.chi2_contingency([[5, 78], [12, 87]], correction=False),
    // whose statistic is z² = 1.9819864777535043 and p = 0.15918129181156587.
    const r = twoProportionTest({ successes: 5, n: 83 }, { successes: 12, n: 99 })
    expectClose(r.z ** 2, 1.9819864777535043, 1e-10)
    expectClose(r.pValue, 0.15918129181156587, 1e-9)
    expect(r.pValue.toFixed(3)).toBe('0.159')
    expect(r.z).toBeGreaterThan(0)
  })

  it("reproduces Newcombe's simple asymptotic (Wald) intervals", () => {
    // Newcombe, "Interval estimation for the difference between independent proportions:
    // comparison of eleven methods", Statistics in Medicine 17 (1998), Table II, method 1:
    // 56/70 − 48/80: 0.0575 to 0.3425; 9/10 − 3/10: 0.2605 to 0.9395; 5/56 − 0/29: 0.0146 to 0.1640.
    const cases = [
      { a: { successes: 48, n: 80 }, b: { successes: 56, n: 70 }, lower: 0.0575, upper: 0.3425 },
      { a: { successes: 3, n: 10 }, b: { successes: 9, n: 10 }, lower: 0.2605, upper: 0.9395 },
      { a: { successes: 0, n: 29 }, b: { successes: 5, n: 56 }, lower: 0.0146, upper: 0.164 },
    ]
    for (const { a, b, lower, upper } of cases) {
      const r = twoProportionTest(a, b, { interval: 'wald' })
      expect(r.ci.lower).toBeCloseTo(lower, 4)
      expect(r.ci.upper).toBeCloseTo(upper, 4)
    }
  })

  it('switches to the Agresti–Caffo interval when an arm has no successes', () => {
    const r = twoProportionTest({ successes: 0, n: 29 }, { successes: 5, n: 56 })
    expect(r.intervalMethod).toBe('agresti-caffo')
    // Adding one success and one failure per arm: 6/58 − 1/31, Wald interval on those rates.
    const pB = 6 / 58
    const pA = 1 / 31
    const half = 1.959963984540054 * Math.sqrt((pB * (1 - pB)) / 58 + (pA * (1 - pA)) / 31)
    expectClose(r.ci.lower, pB - pA - half, 1e-12)
    expectClose(r.ci.upper, pB - pA + half, 1e-12)
    expect(r.difference).toBeCloseTo(5 / 56, 15)
  })

  it('reports no difference and a non-degenerate interval when both arms have zero successes', () => {
    const r = twoProportionTest({ successes: 0, n: 500 }, { successes: 0, n: 400 })
    expect(r.z).toBe(0)
    expect(r.pValue).toBe(1)
    expect(r.significant).toBe(false)
    expect(r.ci.lower).toBeLessThan(0)
    expect(r.ci.upper).toBeGreaterThan(0)
    expect(r.relativeLift).toBeNull()
  })

  it('gives the relative lift of the rates with a delta-method interval', () => {
    const r = twoProportionTest({ successes: 200, n: 1000 }, { successes: 250, n: 1000 })
    // Var(b̂/â) ≈ Var(b̂)/a² + b²·Var(â)/a⁴ with Var(p̂) = p(1 − p)/n.
    const variance = (0.25 * 0.75) / 1000 / 0.04 + (0.0625 * 0.2 * 0.8) / 1000 / 0.0016
    const half = 1.959963984540054 * Math.sqrt(variance)
    expectClose(r.relativeLift!.estimate, 0.25, 1e-12)
    expectClose(r.relativeLift!.ci.lower, 0.25 - half, 1e-12)
    expectClose(r.relativeLift!.ci.upper, 0.25 + half, 1e-12)
    expect(r.significant).toBe(true)
  })

  it('never puts the lower end of the lift below −100 %', () => {
    const r = twoProportionTest({ successes: 3, n: 40 }, { successes: 1, n: 40 })
    expect(r.relativeLift!.ci.lower).toBeGreaterThanOrEqual(-1)
  })

  it('rejects impossible counts', () => {
    expect(() => twoProportionTest({ successes: 5, n: 4 }, { successes: 1, n: 4 })).toThrow(RangeError)
    expect(() => twoProportionTest({ successes: 0, n: 0 }, { successes: 1, n: 4 })).toThrow(RangeError)
    expect(() => twoProportionTest({ successes: 1.5, n: 4 }, { successes: 1, n: 4 })).toThrow(RangeError)
  })
})
