import { describe, expect, it } from 'vitest'
import { emptyAgg } from './aggregate.js'
import { addValue } from './moments.js'
import { compareWindows } from './trends.js'

function window(latencies: number[], errors: number) {
  const a = emptyAgg()
  a.t.traces = latencies.length
  a.t.errors = errors
  for (const l of latencies) {
    addValue(a.t.latency, l)
    a.t.latencySketch.add(l)
  }
  return a
}

describe('compareWindows', () => {
  const spread = (mean: number) => Array.from({ length: 400 }, (_, i) => mean + ((i * 97) % 200) - 100)

  it('calls a clear latency rise significant with Welch’s t test, and worse', () => {
    const t = compareWindows(window(spread(1000), 8), window(spread(1300), 8)).find(
      (x) => x.metric === 'latencyMs.mean',
    )!
    expect(t).toMatchObject({ direction: 'up', improved: false, significant: true, test: 'welch-t' })
    expect(t.changePct).toBeCloseTo(0.3, 2)
  })

  it('does not call a small wobble in the error rate significant', () => {
    const t = compareWindows(window(spread(1000), 8), window(spread(1000), 10)).find(
      (x) => x.metric === 'errorRate',
    )!
    expect(t).toMatchObject({ direction: 'up', significant: false, test: 'two-proportion-z' })
  })

  it('tests volume with the conditional Poisson test', () => {
    const t = compareWindows(window(spread(1000), 0), window(spread(1000).concat(spread(1000)), 0)).find(
      (x) => x.metric === 'interactions',
    )!
    expect(t).toMatchObject({
      current: 800,
      previous: 400,
      changePct: 1,
      significant: true,
      test: 'poisson-rate-z',
      improved: null,
    })
  })
})
