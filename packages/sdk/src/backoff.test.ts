import { describe, expect, it } from 'vitest'
import { parseRetryAfter, retryDelayMs } from './backoff.js'
import { RETRY_AFTER_MAX_MS, RETRY_MAX_DELAY_MS } from './constants.js'

describe('retryDelayMs()', () => {
  it('doubles per attempt with jitter in the upper half, capped', () => {
    for (let i = 0; i < 200; i++) {
      const first = retryDelayMs(1, undefined, 100)
      expect(first).toBeGreaterThanOrEqual(50)
      expect(first).toBeLessThanOrEqual(100)
      const third = retryDelayMs(3, undefined, 100)
      expect(third).toBeGreaterThanOrEqual(200)
      expect(third).toBeLessThanOrEqual(400)
      expect(retryDelayMs(40, undefined, 100)).toBeLessThanOrEqual(RETRY_MAX_DELAY_MS)
    }
  })

  it('waits at least what Retry-After asks, within a cap', () => {
    expect(retryDelayMs(1, 5000, 100)).toBe(5000)
    expect(retryDelayMs(1, 3_600_000, 100)).toBe(RETRY_AFTER_MAX_MS)
  })
})

describe('parseRetryAfter()', () => {
  it('reads delta-seconds and HTTP dates', () => {
    const now = Date.parse('2025-01-01T00:00:00Z')
    expect(parseRetryAfter('2', now)).toBe(2000)
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', now)).toBe(30_000)
    expect(parseRetryAfter('Tue, 31 Dec 2024 00:00:00 GMT', now)).toBe(0)
  })

  it('ignores absent and unreadable values', () => {
    expect(parseRetryAfter(null)).toBeUndefined()
    expect(parseRetryAfter('soon')).toBeUndefined()
  })
})
