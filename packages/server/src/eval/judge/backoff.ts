import type { ProviderError } from '../../llm/provider.js'

/** First wait after a retryable error without Retry-After; doubles per retry. */
export const BACKOFF_BASE_MS = 500
export const BACKOFF_MAX_MS = 30_000
/** Added on top of Retry-After, so judges rate-limited together do not all return at once. */
export const RETRY_AFTER_JITTER_SHARE = 0.1

/**
 * How long to wait before the next attempt after a retryable provider error: the endpoint's
 * Retry-After plus up to 10 % jitter when it sent one, otherwise "full jitter" exponential
 * backoff (a uniform draw up to base × 2^retry, capped).
 */
export function backoffMs(error: ProviderError, retry: number, random: () => number = Math.random): number {
  if (error.retryAfterMs !== undefined) {
    return Math.round(error.retryAfterMs * (1 + RETRY_AFTER_JITTER_SHARE * random()))
  }
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** retry)
  return Math.round(ceiling * random())
}

/** Resolves after `ms`, or early (false) when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false)
    const onAbort = () => {
      clearTimeout(timer)
      resolve(false)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve(true)
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
