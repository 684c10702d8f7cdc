import { describe, expect, it } from 'vitest'
import {
  effectiveSampleSize,
  minimumDetectableEffectForMeans,
  powerForMeans,
  sampleSizeForMeans,
} from './power-means.js'
import { expectClose } from './testing/close.js'

// R's ?power.t.test examples print power.t.test(n = 20, delta = 1) → power = 0.8689528 and
// power.t.test(power = .90, delta = 1) → n = 22.02110. R's default (strict = FALSE) leaves out the
// chance of rejecting on the wrong side, 2.26e-7 here (scipy.stats.nct.cdf(-2.0244, 38, 3.1623)),
// which this implementation includes: 0.8689528016921271 + 2.2603186262612485e-7.
describe('power of the two-sample t test', () => {
  it("reproduces R's power.t.test(n = 20, delta = 1)", () => {
    expectClose(powerForMeans({ effect: 1, sd: 1, n: 20 }), 0.8689528016921271 + 2.2603186262612485e-7, 1e-9)
    expect(powerForMeans({ effect: 1, sd: 1, n: 20 }).toFixed(6)).toBe('0.868953')
  })

  it("rounds R's power.t.test(power = .90, delta = 1) sample size of 22.02110 up to 23 per arm", () => {
    const n = sampleSizeForMeans({ effect: 1, sd: 1, power: 0.9 })
    expect(n).toBe(23)
    expect(powerForMeans({ effect: 1, sd: 1, n: n - 1 })).toBeLessThan(0.9)
    expect(powerForMeans({ effect: 1, sd: 1, n })).toBeGreaterThanOrEqual(0.9)
  })

  it('finds the effect that the current sample size detects with the requested power', () => {
    const mde = minimumDetectableEffectForMeans({ sd: 2, n: 500 })
    expectClose(powerForMeans({ effect: mde, sd: 2, n: 500 }), 0.8, 1e-9)
    // For large n the normal approximation (z₀.₉₇₅ + z₀.₈)·σ·√(2/n) is close.
    expectClose(mde, (1.959963984540054 + 0.8416212335729143) * 2 * Math.sqrt(2 / 500), 2e-3)
  })

  it('is symmetric in the sign of the effect and approaches alpha for tiny effects', () => {
    expect(powerForMeans({ effect: -0.3, sd: 1, n: 80 })).toBe(powerForMeans({ effect: 0.3, sd: 1, n: 80 }))
    expectClose(powerForMeans({ effect: 1e-9, sd: 1, n: 80 }), 0.05, 1e-6)
  })

  it('handles sample sizes where the normal approximation takes over', () => {
    const n = sampleSizeForMeans({ effect: 0.005, sd: 1 })
    // (z₀.₉₇₅ + z₀.₈)² · 2 / 0.005² = 627 910.8…
    expect(Math.abs(n - 627_911)).toBeLessThanOrEqual(2)
  })

  it('gives the balanced size with the same precision as unequal arms', () => {
    expect(effectiveSampleSize(100, 100)).toBe(100)
    expect(effectiveSampleSize(50, 150)).toBe(75)
  })

  it('rejects nonsense inputs', () => {
    expect(() => powerForMeans({ effect: 1, sd: 0, n: 20 })).toThrow(RangeError)
    expect(() => powerForMeans({ effect: 1, sd: 1, n: 1 })).toThrow(RangeError)
    expect(() => sampleSizeForMeans({ effect: 0, sd: 1 })).toThrow(RangeError)
  })
})
