import { describe, expect, it } from 'vitest'
import { binomialFloor, detectAnomalies, poissonFloor, type SeriesPoint } from './anomalies.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR
/** Eight days of hourly traffic with a daily cycle: busy by day, quiet by night. */
function traffic(spike?: { at: number; value: number }): SeriesPoint[] {
  return Array.from({ length: 8 * 24 }, (_, i) => {
    const hour = i % 24
    const base = hour >= 8 && hour < 20 ? 1000 : 100
    const value = spike && i === spike.at ? spike.value : base + ((i * 37) % 21) - 10
    return { t: i * HOUR, value, sample: Number.MAX_SAFE_INTEGER }
  })
}

describe('detectAnomalies', () => {
  it('reads a busy afternoon and a quiet night as normal against the same hours of past days', () => {
    expect(detectAnomalies('interactions', traffic(), 'hour', 7 * DAY, poissonFloor)).toEqual([])
  })

  it('flags night-time traffic at daytime level, with its baseline', () => {
    const at = 7 * 24 + 3
    const [a] = detectAnomalies('interactions', traffic({ at, value: 1000 }), 'hour', 7 * DAY, poissonFloor)
    expect(a).toMatchObject({ metric: 'interactions', t: at * HOUR, direction: 'high' })
    expect(a!.baseline).toBeGreaterThan(90)
    expect(a!.baseline).toBeLessThan(110)
  })

  it('flags a drop to zero during the day', () => {
    const at = 7 * 24 + 14
    expect(
      detectAnomalies('interactions', traffic({ at, value: 0 }), 'hour', 7 * DAY, poissonFloor),
    ).toMatchObject([{ t: at * HOUR, direction: 'low' }])
  })

  it('ignores buckets with too few observations', () => {
    const points: SeriesPoint[] = Array.from({ length: 48 }, (_, i) => ({
      t: i * HOUR,
      value: i === 47 ? 1 : 0.02,
      sample: i === 47 ? 3 : 500,
    }))
    expect(detectAnomalies('errorRate', points, 'hour', 47 * HOUR, binomialFloor)).toEqual([])
  })
})
