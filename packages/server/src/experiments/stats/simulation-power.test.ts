import { describe, expect, it } from 'vitest'
import { powerForMeans, sampleSizeForMeans } from './power-means.js'
import { powerForProportions, sampleSizeForProportions } from './power-proportions.js'
import { twoProportionTest } from './proportions.js'
import { summarize } from './summary.js'
import { binomialTolerance, mulberry32, normalGenerator } from './testing/random.js'
import { welchTest } from './welch.js'

// With a true difference and the sample size the power functions ask for, the share of
// simulated experiments that reject should match the power they predicted.
const EXPERIMENTS = 2000

describe('power calculations against simulated experiments', () => {
  it('predict how often the Welch test detects a difference in means', () => {
    const effect = 0.25
    const sd = 1.5
    const n = sampleSizeForMeans({ effect, sd })
    const predicted = powerForMeans({ effect, sd, n })
    const normal = normalGenerator(mulberry32(4242))
    const draw = (mean: number) => summarize(Array.from({ length: n }, () => mean + sd * normal()))
    let rejections = 0
    for (let i = 0; i < EXPERIMENTS; i++)
      if (welchTest(draw(10), draw(10 + effect)).significant) rejections += 1
    const { low, high } = binomialTolerance(EXPERIMENTS, predicted)
    expect(rejections).toBeGreaterThan(low)
    expect(rejections).toBeLessThan(high)
  })

  it('predict how often the two-proportion test detects a change of rate', () => {
    const rateA = 0.2
    const rateB = 0.24
    const n = sampleSizeForProportions({ rateA, rateB })
    const predicted = powerForProportions({ rateA, rateB, n })
    const uniform = mulberry32(77)
    const successes = (rate: number) => {
      let k = 0
      for (let j = 0; j < n; j++) if (uniform() < rate) k += 1
      return k
    }
    let rejections = 0
    for (let i = 0; i < EXPERIMENTS; i++) {
      const r = twoProportionTest({ successes: successes(rateA), n }, { successes: successes(rateB), n })
      if (r.significant) rejections += 1
    }
    const { low, high } = binomialTolerance(EXPERIMENTS, predicted)
    expect(rejections).toBeGreaterThan(low)
    expect(rejections).toBeLessThan(high)
  })
})
