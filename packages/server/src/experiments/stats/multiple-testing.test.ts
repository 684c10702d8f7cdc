import { describe, expect, it } from 'vitest'
import { benjaminiHochbergAdjust, holmAdjust } from './multiple-testing.js'
import { expectClose } from './testing/close.js'

// The 15 p-values of the worked example in Benjamini and Hochberg (1995), §4.
const BH_1995 = [
  0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528,
  0.759, 1,
]

describe('multiple-testing corrections', () => {
  it("rejects four of the paper's fifteen hypotheses with Benjamini–Hochberg at 0.05", () => {
    const adjusted = benjaminiHochbergAdjust(BH_1995)
    expect(adjusted.filter((p) => p <= 0.05)).toHaveLength(4)
    // Reference: scipy.stats.false_discovery_control(p, method='bh') (scipy 1.17.1), as R's
    // p.adjust(p, "BH").
    const reference = [
      0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.06385714285714286, 0.06385714285714286, 0.0645, 0.0765,
      0.486, 0.5811818181818181, 0.7148749999999999, 0.7532307692307693, 0.8132142857142857, 1,
    ]
    for (const [i, p] of adjusted.entries()) expectClose(p, reference[i]!, 1e-12)
  })

  it('rejects three of them with Holm, like the family-wise procedures the paper compares with', () => {
    expect(holmAdjust(BH_1995).filter((p) => p <= 0.05)).toHaveLength(3)
  })

  it("reproduces Wikipedia's Holm–Bonferroni example, keeping the input order", () => {
    // Four hypotheses with p = 0.01, 0.04, 0.03, 0.005 at α = 0.05: H4 and H1 are rejected.
    // Adjusted as R's p.adjust(p, "holm"): 4·0.005, 3·0.01, max(2·0.03, 0.03), max(0.04, 0.06).
    const adjusted = holmAdjust([0.01, 0.04, 0.03, 0.005])
    const expected = [0.03, 0.06, 0.06, 0.02]
    for (const [i, p] of adjusted.entries()) expectClose(p, expected[i]!, 1e-12)
  })

  it('caps adjusted values at 1 and leaves a single test unchanged', () => {
    expect(holmAdjust([0.6, 0.7])).toEqual([1, 1])
    expect(benjaminiHochbergAdjust([0.03])).toEqual([0.03])
    expect(holmAdjust([])).toEqual([])
  })

  it('rejects values that are not probabilities', () => {
    expect(() => holmAdjust([0.1, 1.2])).toThrow(RangeError)
    expect(() => benjaminiHochbergAdjust([Number.NaN])).toThrow(RangeError)
  })
})
