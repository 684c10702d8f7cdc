import { describe, expect, it } from 'vitest'
import { ProviderError } from '../../llm/provider.js'
import { BACKOFF_MAX_MS, backoffMs, sleep } from './backoff.js'

describe('backoffMs', () => {
  it('waits what Retry-After asked plus at most a tenth more', () => {
    const limited = new ProviderError('rate_limit', 'slow down', { status: 429, retryAfterMs: 2000 })
    expect(backoffMs(limited, 0, () => 0)).toBe(2000)
    expect(backoffMs(limited, 5, () => 0.999)).toBe(2200)
  })

  it('draws up to a doubling, capped ceiling when the endpoint gave no Retry-After', () => {
    const down = new ProviderError('server', 'unavailable', { status: 503 })
    expect([0, 1, 2].map((retry) => backoffMs(down, retry, () => 1))).toEqual([500, 1000, 2000])
    expect(backoffMs(down, 20, () => 1)).toBe(BACKOFF_MAX_MS)
    expect(backoffMs(down, 3, () => 0)).toBe(0)
  })

  it('stops sleeping when the evaluation is cancelled', async () => {
    const controller = new AbortController()
    const slept = sleep(60_000, controller.signal)
    controller.abort()
    await expect(slept).resolves.toBe(false)
  })
})
