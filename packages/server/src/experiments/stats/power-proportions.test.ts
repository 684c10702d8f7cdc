import { describe, expect, it } from 'vitest'
import {
  minimumDetectableEffectForProportions,
  powerForProportions,
  sampleSizeForProportions,
} from './power-proportions.js'
import { expectClose } from './testing/close.js'

// R's ?power.prop.test examples and the results written in their comments:
//   power.prop.test(n = 50, p1 = .50, p2 = .75)      ## => power = 0.740
//   power.prop.test(p1 = .50, p2 = .75, power = .90) ## =>     n = 76.7
//   power.prop.test(n = 50, p1 = .5, power = .90)    ## =>    p2 = 0.8026
// Full precision of R's formula (strict = FALSE) evaluated with scipy.stats.norm: power
// 0.7401659013313878, plus 1.2921222232078493e-6 for the wrong-side tail this implementation
// includes (strict = TRUE); n = 76.70692845177746; p2 = 0.8026305817038949.
describe('power of the two-proportion test', () => {
  it("reproduces R's power.prop.test(n = 50, p1 = .5, p2 = .75)", () => {
    const power = powerForProportions({ rateA: 0.5, rateB: 0.75, n: 50 })
    expectClose(power, 0.7401659013313878 + 1.2921222232078493e-6, 1e-10)
    expect(power.toFixed(3)).toBe('0.740')
  })

  it("rounds R's sample size of 76.7 per arm up to 77", () => {
    const n = sampleSizeForProportions({ rateA: 0.5, rateB: 0.75, power: 0.9 })
    expect(n).toBe(77)
    expect(powerForProportions({ rateA: 0.5, rateB: 0.75, n: 76 })).toBeLessThan(0.9)
  })

  it("finds R's detectable rate p2 = 0.8026 for n = 50 at power 0.9", () => {
    const mde = minimumDetectableEffectForProportions({ rateA: 0.5, n: 50, power: 0.9 })!
    expectClose(mde.rateB, 0.8026305817038949, 1e-6)
    expect(mde.rateB.toFixed(4)).toBe('0.8026')
    expectClose(mde.absolute, mde.rateB - 0.5, 1e-12)
    expectClose(mde.relative, mde.rateB / 0.5 - 1, 1e-12)
  })

  it('uses 80 % power by default, the usual planning target', () => {
    const n = sampleSizeForProportions({ rateA: 0.1, rateB: 0.12 })
    expect(powerForProportions({ rateA: 0.1, rateB: 0.12, n })).toBeGreaterThanOrEqual(0.8)
    expect(powerForProportions({ rateA: 0.1, rateB: 0.12, n: n - 1 })).toBeLessThan(0.8)
  })

  it('reports no detectable effect when even a rate of 100 % would go unnoticed', () => {
    expect(minimumDetectableEffectForProportions({ rateA: 0.5, n: 2 })).toBeNull()
  })

  it('rejects equal rates and rates outside [0, 1]', () => {
    expect(() => sampleSizeForProportions({ rateA: 0.2, rateB: 0.2 })).toThrow(RangeError)
    expect(() => powerForProportions({ rateA: 0.2, rateB: 1.2, n: 10 })).toThrow(RangeError)
  })
})
