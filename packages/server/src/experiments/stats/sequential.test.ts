import { describe, expect, it } from 'vitest'
import { accumulateSequential, sequentialTest } from './sequential.js'
import { expectClose } from './testing/close.js'
import { welchTest } from './welch.js'

const A = { n: 100, mean: 0, variance: 1 }
const B = { n: 100, mean: 0.3, variance: 1 }

describe('mixture sequential test (mSPRT)', () => {
  it('computes the normal-mixture likelihood ratio of Johari et al.', () => {
    // Their two-stream statistic with σ² = 1, n = 100 per arm, τ² = 0.01 and ȳ − x̄ = 0.3:
    //   Λ = √(2σ²/(2σ² + nτ²)) · exp(n²τ²(ȳ − x̄)² / (4σ²(2σ² + nτ²)))
    //     = √(2/3) · exp(100² · 0.01 · 0.09 / (4 · 3)) = √(2/3) · e^0.75.
    const r = sequentialTest(A, B, { mixingVariance: 0.01 })
    const lambda = Math.sqrt(2 / 3) * Math.exp(0.75)
    expectClose(r.likelihoodRatio, lambda, 1e-12)
    expectClose(r.pValue, 1 / lambda, 1e-12)
    expectClose(r.variance, 0.02, 1e-12)
  })

  it('returns the interval whose end points have p-value exactly alpha', () => {
    const r = sequentialTest(A, B, { mixingVariance: 0.01 })
    for (const edge of [r.ci.lower, r.ci.upper]) {
      // Shifting B by −edge makes "difference = edge" the null hypothesis of the shifted data.
      const shifted = sequentialTest(A, { ...B, mean: B.mean - edge }, { mixingVariance: 0.01 })
      expectClose(shifted.pValue, 0.05, 1e-10)
    }
  })

  it('is more cautious than the fixed-horizon test at the same data', () => {
    const data = { a: { n: 2000, mean: 1, variance: 4 }, b: { n: 2000, mean: 1.2, variance: 4 } }
    const sequential = sequentialTest(data.a, data.b)
    const fixed = welchTest(data.a, data.b)
    expect(fixed.significant).toBe(true)
    expect(sequential.pValue).toBeGreaterThan(fixed.pValue)
    expect(sequential.ci.upper - sequential.ci.lower).toBeGreaterThan(fixed.ci.upper - fixed.ci.lower)
  })

  it('uses a mixing standard deviation of 0.1 metric standard deviations by default', () => {
    expect(
      sequentialTest({ n: 50, mean: 0, variance: 4 }, { n: 50, mean: 0, variance: 9 }).mixingVariance,
    ).toBeCloseTo(0.01 * 6.5, 15)
  })

  it('keeps the smallest p-value and the intersection of intervals across looks', () => {
    const day1 = sequentialTest(A, B, { mixingVariance: 0.01 })
    const day2 = sequentialTest({ ...A, n: 200 }, { ...B, n: 200, mean: 0.05 }, { mixingVariance: 0.01 })
    const carried = accumulateSequential(accumulateSequential(null, day1), day2)
    expect(carried.pValue).toBe(Math.min(day1.pValue, day2.pValue))
    expect(carried.ci.lower).toBe(Math.max(day1.ci.lower, day2.ci.lower))
    expect(carried.ci.upper).toBe(Math.min(day1.ci.upper, day2.ci.upper))
    expect(carried.difference).toBe(day2.difference)
  })

  it('treats constant arms like the Welch test does', () => {
    const same = sequentialTest({ n: 5, mean: 1, variance: 0 }, { n: 5, mean: 1, variance: 0 })
    expect(same.pValue).toBe(1)
    expect(sequentialTest({ n: 5, mean: 1, variance: 0 }, { n: 5, mean: 2, variance: 0 }).significant).toBe(
      true,
    )
  })

  it('refuses arms with fewer than two observations', () => {
    expect(() => sequentialTest({ n: 1, mean: 0, variance: 0 }, B)).toThrow(RangeError)
  })
})
