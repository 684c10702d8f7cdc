import { describe, expect, it } from 'vitest'
import { binomialHalfCdf, pairedTTest, signTest } from './paired.js'
import { expectClose } from './testing/close.js'

// R's sleep data (Student 1908), the worked example of R's ?t.test:
// t.test(extra ~ group, data = sleep, paired = TRUE) prints t = -4.0621, df = 9,
// p-value = 0.002833, 95 percent confidence interval -2.4598858 -0.7001142, mean difference -1.58
// (group 1 minus group 2; the same ten patients under two drugs).
const GROUP_1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0]
const GROUP_2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4]
const DIFFERENCES = GROUP_1.map((x, i) => x - GROUP_2[i]!)

describe('paired t test', () => {
  it("reproduces R's paired t.test on the sleep data", () => {
    const r = pairedTTest(DIFFERENCES)
    expectClose(r.meanDifference, -1.58, 1e-12)
    expect(r.df).toBe(9)
    expect(r.t).toBeCloseTo(-4.0621, 4)
    expect(r.pValue).toBeCloseTo(0.002833, 6)
    expect(r.ci.lower).toBeCloseTo(-2.4598858, 7)
    expect(r.ci.upper).toBeCloseTo(-0.7001142, 7)
    expect(r.significant).toBe(true)
  })

  it('is far stronger than the unpaired Welch test on the same data, as pairing removes patient variation', () => {
    // The unpaired test of the same numbers has p = 0.0794 (welch.test.ts): pairing matters.
    expect(pairedTTest(DIFFERENCES).pValue).toBeLessThan(0.01)
  })

  it('treats identical differences as no evidence when zero and as certain otherwise', () => {
    expect(pairedTTest([0, 0, 0]).pValue).toBe(1)
    expect(pairedTTest([0.5, 0.5, 0.5]).pValue).toBe(0)
  })

  it('refuses fewer than two pairs', () => {
    expect(() => pairedTTest([1])).toThrow(RangeError)
  })
})

describe('sign test', () => {
  it('gives the exact binomial p-value of the sleep data: 9 of 9 non-tied pairs moved down', () => {
    // R: binom.test(0, 9) → p-value = 0.003906 (= 2 / 2^9).
    const r = signTest(DIFFERENCES)
    expect(r).toMatchObject({ positive: 0, negative: 9, ties: 1 })
    expectClose(r.pValue, 2 / 512, 1e-12)
  })

  it("matches R's binom.test(2, 12): p = 2 · (1 + 12 + 66) / 4096", () => {
    const r = signTest([...Array(2).fill(1), ...Array(10).fill(-1)])
    expectClose(r.pValue, 158 / 4096, 1e-12)
    expect(r.significant).toBe(true)
  })

  it('caps the p-value at 1 for a balanced split and ignores ties', () => {
    expect(signTest([1, -1, 0, 0]).pValue).toBe(1)
    expect(signTest([0, 0]).pValue).toBe(1)
  })

  it('keeps its precision for large samples', () => {
    // P(X ≤ 500) for n = 1000 is ½ + ½·P(X = 500) = ½ + ½ · C(1000, 500) / 2^1000 ≈ 0.5126125.
    expect(binomialHalfCdf(500, 1000)).toBeCloseTo(0.5126125, 6)
  })
})
