import { describe, expect, it } from 'vitest'
import { sampleRatioMismatch } from './srm.js'
import { expectClose } from './testing/close.js'

describe('sample-ratio mismatch check', () => {
  it('reproduces the scipy.stats.chisquare documentation examples', () => {
    // scipy docs: chisquare([16, 18, 16, 14, 12, 12]) → statistic 2.0, p 0.84914503608460956;
    // with f_exp = [16, 16, 16, 16, 16, 8] → statistic 3.5, p 0.62338762774958223.
    const even = sampleRatioMismatch([16, 18, 16, 14, 12, 12], [1, 1, 1, 1, 1, 1])
    expectClose(even.chiSquare, 2, 1e-12)
    expect(even.df).toBe(5)
    expectClose(even.pValue, 0.8491450360846096, 1e-10)
    const uneven = sampleRatioMismatch([16, 18, 16, 14, 12, 12], [16, 16, 16, 16, 16, 8])
    expectClose(uneven.chiSquare, 3.5, 1e-12)
    expectClose(uneven.pValue, 0.6233876277495822, 1e-10)
    expect(uneven.expected).toEqual([16, 16, 16, 16, 16, 8])
  })

  it('flags a 50/50 experiment that received 50.5 % / 49.5 % of 100 000 units', () => {
    // χ² = 2 · 500² / 50 000 = 10 on 1 df: p ≈ 0.00157, not yet flagged; 51/49 gives χ² = 40.
    expect(sampleRatioMismatch([50_500, 49_500], [1, 1]).mismatch).toBe(false)
    const skewed = sampleRatioMismatch([51_000, 49_000], [1, 1])
    expectClose(skewed.chiSquare, 40, 1e-12)
    expect(skewed.mismatch).toBe(true)
  })

  it('accepts weights on any scale', () => {
    const a = sampleRatioMismatch([900, 2100], [30, 70])
    const b = sampleRatioMismatch([900, 2100], [0.3, 0.7])
    expect(a.pValue).toBeCloseTo(b.pValue, 14)
    expect(a.mismatch).toBe(false)
  })

  it('flags units in a variant of weight 0 and ignores an empty one', () => {
    expect(sampleRatioMismatch([10, 10, 1], [1, 1, 0]).pValue).toBe(0)
    const r = sampleRatioMismatch([10, 10, 0], [1, 1, 0])
    expect(r.df).toBe(1)
    expect(r.pValue).toBe(1)
  })

  it('does not flag an experiment with no units yet', () => {
    expect(sampleRatioMismatch([0, 0], [1, 1]).mismatch).toBe(false)
  })

  it('rejects mismatched lengths and bad weights', () => {
    expect(() => sampleRatioMismatch([1, 2], [1])).toThrow(RangeError)
    expect(() => sampleRatioMismatch([1, 2], [0, 0])).toThrow(RangeError)
    expect(() => sampleRatioMismatch([1, -2], [1, 1])).toThrow(RangeError)
  })
})
