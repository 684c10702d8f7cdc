import { describe, expect, it } from 'vitest'
import { normalQuantile } from './normal.js'
import { sampleSizeForMeans } from './power-means.js'
import { sampleSizeForSequential } from './power-sequential.js'
import { sequentialTest } from './sequential.js'
import { summarize } from './summary.js'
import { mulberry32, normalGenerator } from './testing/random.js'

describe('sample size for the sequential test', () => {
  it('asks for more units than the fixed-horizon t test, as always-valid inference costs power', () => {
    const fixed = sampleSizeForMeans({ effect: 0.2, sd: 1 })
    const sequential = sampleSizeForSequential({ effect: 0.2, sd: 1, mixingVariance: 0.04 })
    expect(fixed).toBe(394)
    expect(sequential).toBeGreaterThan(fixed)
    expect(sequential).toBeLessThan(4 * fixed)
  })

  it('meets the rejection condition at the returned size and not one unit before', () => {
    const input = { effect: 0.3, sd: 1.5, alpha: 0.01, power: 0.9, mixingVariance: 0.09 }
    const n = sampleSizeForSequential(input)
    const logLambda = (units: number) => {
      const v = (2 * 1.5 ** 2) / units
      const d = 0.3 - normalQuantile(0.9) * Math.sqrt(v)
      return 0.5 * Math.log(v / (v + 0.09)) + (0.09 * d * d) / (2 * v * (v + 0.09))
    }
    expect(logLambda(n)).toBeGreaterThanOrEqual(Math.log(100))
    expect(logLambda(n - 1)).toBeLessThan(Math.log(100))
  })

  it('gives the planned power: about 80 % of simulated experiments of that size reject at their last look', () => {
    const effect = 0.5
    const n = sampleSizeForSequential({ effect, sd: 1, mixingVariance: effect ** 2 })
    const normal = normalGenerator(mulberry32(2024))
    const runs = 400
    let rejected = 0
    for (let i = 0; i < runs; i++) {
      const a = summarize(Array.from({ length: n }, () => normal()))
      const b = summarize(Array.from({ length: n }, () => effect + normal()))
      if (sequentialTest(a, b, { mixingVariance: effect ** 2 }).significant) rejected += 1
    }
    // 80 % planned; ±3.9 binomial standard deviations of 400 runs is about ±0.08.
    expect(rejected / runs).toBeGreaterThan(0.72)
    expect(rejected / runs).toBeLessThan(0.9)
  })
})
