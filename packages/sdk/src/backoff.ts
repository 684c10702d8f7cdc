import { RETRY_AFTER_MAX_MS, RETRY_BASE_DELAY_MS, RETRY_MAX_DELAY_MS } from './constants.js'

/**
 * Delay before retry number `attempt` (1-based): exponential, capped, with "equal jitter" (half
 * fixed, half random) so many clients that failed together do not retry together. A server's
 * Retry-After wins when it asks for longer.
 */
export function retryDelayMs(attempt: number, retryAfterMs?: number, baseMs = RETRY_BASE_DELAY_MS): number {
  const exp = Math.min(RETRY_MAX_DELAY_MS, baseMs * 2 ** (attempt - 1))
  const jittered = exp / 2 + Math.random() * (exp / 2)
  if (retryAfterMs === undefined) return jittered
  return Math.max(jittered, Math.min(retryAfterMs, RETRY_AFTER_MAX_MS))
}

/** Retry-After as delta-seconds or an HTTP date (RFC 9110 §10.2.3), in ms from now. */
export function parseRetryAfter(header: string | null, nowMs = Date.now()): number | undefined {
  if (!header) return undefined
  const seconds = Number(header)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const at = Date.parse(header)
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs)
}
