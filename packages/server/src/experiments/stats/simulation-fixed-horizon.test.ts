import { describe, expect, it } from 'vitest'
import { twoProportionTest } from './proportions.js'
import { summarize } from './summary.js'
import { binomialTolerance, mulberry32, normalGenerator } from './testing/random.js'
import { welchTest } from './welch.js'

// A/A simulations: both arms draw from the same distribution, so every rejection is a false
// positive and every interval that misses 0 is a miss. Seeded, so each run sees the same draws.
const EXPERIMENTS = 2000
const ALPHA = 0.05

describe('fixed-horizon tests without a true difference', () => {
  it('reject in about alpha of A/A experiments, and their intervals cover 0 about 1 − alpha of the time', () => {
    const normal = normalGenerator(mulberry32(20240611))
    const draw = (n: number) => Array.from({ length: n }, () => 5 + 2 * normal())
    let rejections = 0
    let liftMisses = 0
    for (let i = 0; i < EXPERIMENTS; i++) {
      // Unequal arms, as with 60/40 weights.
      const r = welchTest(summarize(draw(240)), summarize(draw(160)), { alpha: ALPHA })
      if (r.significant) rejections += 1
      if (r.relativeLift!.ci.lower > 0 || r.relativeLift!.ci.upper < 0) liftMisses += 1
    }
    const { low, high } = binomialTolerance(EXPERIMENTS, ALPHA)
    expect(rejections).toBeGreaterThan(low)
    expect(rejections).toBeLessThan(high)
    expect(liftMisses).toBeGreaterThan(low)
    expect(liftMisses).toBeLessThan(high)
  })

  it('keep the two-proportion test at about alpha for a 10 % rate', () => {
    const uniform = mulberry32(7)
    const successes = (n: number) => {
      let k = 0
      for (let j = 0; j < n; j++) if (uniform() < 0.1) k += 1
      return k
    }
    let rejections = 0
    for (let i = 0; i < EXPERIMENTS; i++) {
      const r = twoProportionTest(
        { successes: successes(800), n: 800 },
        { successes: successes(800), n: 800 },
      )
      if (r.significant) rejections += 1
    }
    const { low, high } = binomialTolerance(EXPERIMENTS, ALPHA)
    expect(rejections).toBeGreaterThan(low)
    expect(rejections).toBeLessThan(high)
  })
})
