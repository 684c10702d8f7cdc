import { describe, expect, it } from 'vitest'
import { sequentialTest } from './sequential.js'
import { mergeSummaries, type Summary, summarize } from './summary.js'
import { binomialTolerance, mulberry32, normalGenerator } from './testing/random.js'
import { welchTest } from './welch.js'

// Results checked once a day for a month. Repeating a fixed-horizon test at every look and
// stopping at the first p < alpha inflates the false-positive rate far beyond alpha; the
// always-valid p-value of the mixture test may be read at every look and stays below it.
const EXPERIMENTS = 1000
const LOOKS = 30
const UNITS_PER_ARM_PER_DAY = 40
const ALPHA = 0.05

type Outcome = { naive: number; sequential: number }

function simulate(seed: number, trueDifference: number): Outcome {
  const normal = normalGenerator(mulberry32(seed))
  const day = (shift: number) =>
    summarize(Array.from({ length: UNITS_PER_ARM_PER_DAY }, () => shift + normal()))
  const outcome = { naive: 0, sequential: 0 }
  for (let i = 0; i < EXPERIMENTS; i++) {
    let a: Summary = day(0)
    let b: Summary = day(trueDifference)
    let naive = false
    let sequential = false
    for (let look = 1; look <= LOOKS; look++) {
      if (look > 1) {
        a = mergeSummaries(a, day(0))
        b = mergeSummaries(b, day(trueDifference))
      }
      naive ||= welchTest(a, b, { alpha: ALPHA }).significant
      sequential ||= sequentialTest(a, b, { alpha: ALPHA }).significant
    }
    if (naive) outcome.naive += 1
    if (sequential) outcome.sequential += 1
  }
  return outcome
}

describe('peeking at results every day', () => {
  it('inflates the false-positive rate of repeated t tests but not that of the sequential test', () => {
    const { naive, sequential } = simulate(99, 0)
    const { high } = binomialTolerance(EXPERIMENTS, ALPHA)
    // Naive peeking: well above alpha (theory for 30 equally spaced looks: about 0.2–0.3).
    expect(naive).toBeGreaterThan(high)
    expect(naive / EXPERIMENTS).toBeGreaterThan(3 * ALPHA)
    // Always valid: under alpha even though every look could have stopped the experiment.
    expect(sequential / EXPERIMENTS).toBeLessThan(ALPHA)
  })

  it('still finds a true difference of 0.2 standard deviations within the month', () => {
    const { sequential } = simulate(1234, 0.2)
    expect(sequential / EXPERIMENTS).toBeGreaterThan(0.8)
  })
})
