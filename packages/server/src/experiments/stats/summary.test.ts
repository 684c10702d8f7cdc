import { describe, expect, it } from 'vitest'
import { mergeSummaries, summarize, summaryFromCounts, summaryFromSums } from './summary.js'

describe('summaries', () => {
  it('gives the count, mean and unbiased variance', () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, sum of squared deviations 32, so variance 32 / 7.
    const s = summarize([2, 4, 4, 4, 5, 5, 7, 9])
    expect(s.n).toBe(8)
    expect(s.mean).toBe(5)
    expect(s.variance).toBeCloseTo(32 / 7, 14)
  })

  it('keeps the variance of values far from zero, where the sum of squares fails', () => {
    // The example of Wikipedia's "Algorithms for calculating variance": 4, 7, 13, 16 shifted by
    // 1e9 still has variance 30; Σx² − (Σx)²/n loses every digit of it in doubles.
    const values = [4, 7, 13, 16].map((x) => 1e9 + x)
    expect(summarize(values).variance).toBeCloseTo(30, 6)
    const sum = values.reduce((a, x) => a + x, 0)
    const sumOfSquares = values.reduce((a, x) => a + x * x, 0)
    expect(Math.abs(summaryFromSums(4, sum, sumOfSquares).variance - 30)).toBeGreaterThan(1)
  })

  it('merges two summaries into the summary of all their values', () => {
    const left = [3.1, 4.7, 1.2, 9.9, 5.5]
    const right = [2.2, 8.8, 7.1]
    const merged = mergeSummaries(summarize(left), summarize(right))
    const whole = summarize([...left, ...right])
    expect(merged.n).toBe(whole.n)
    expect(merged.mean).toBeCloseTo(whole.mean, 13)
    expect(merged.variance).toBeCloseTo(whole.variance, 13)
    expect(mergeSummaries(summarize([]), summarize(right))).toEqual(summarize(right))
  })

  it('builds summaries from SQL-style sums and from success counts', () => {
    expect(summaryFromSums(3, 6, 14)).toEqual({ n: 3, mean: 2, variance: 1 })
    const rate = summaryFromCounts(3, 4)
    const direct = summarize([1, 1, 1, 0])
    expect(rate.mean).toBe(direct.mean)
    expect(rate.variance).toBeCloseTo(direct.variance, 15)
  })

  it('has variance 0 for fewer than two values', () => {
    expect(summarize([])).toEqual({ n: 0, mean: 0, variance: 0 })
    expect(summarize([42])).toEqual({ n: 1, mean: 42, variance: 0 })
  })

  it('rejects non-finite values', () => {
    expect(() => summarize([1, Number.NaN])).toThrow(RangeError)
  })
})
