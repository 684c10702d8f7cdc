import { backoffMs, sleep } from '../../eval/judge/backoff.js'
import { type ChatRequest, type ChatResult, type Provider, ProviderError } from '../../llm/index.js'

export type CallOutcome =
  | { ok: true; result: ChatResult; attempts: number; startedAt: number }
  | { ok: false; error: ProviderError; attempts: number; startedAt: number }

export type RetryOptions = {
  /** Further attempts after a retryable failure (rate limit, timeout, 5xx, network). */
  retries: number
  signal?: AbortSignal
  /** How long to wait before retry `n` (0-based); Retry-After plus jitter, else exponential full jitter. */
  waitMs?: (error: ProviderError, retry: number) => number
}

const asProviderError = (err: unknown) =>
  err instanceof ProviderError
    ? err
    : new ProviderError('network', err instanceof Error ? err.message : String(err))

/**
 * Calls the model, retrying what is worth retrying (the provider itself never retries). The
 * outcome reports every attempt made; the start time is that of the attempt that answered.
 */
export async function callWithRetries(
  provider: Provider,
  req: ChatRequest,
  o: RetryOptions,
): Promise<CallOutcome> {
  const waitMs = o.waitMs ?? ((error, retry) => backoffMs(error, retry))
  let attempts = 0
  for (;;) {
    const startedAt = Date.now()
    attempts++
    try {
      const result = await provider.chat({ ...req, ...(o.signal && { signal: o.signal }) })
      return { ok: true, result, attempts, startedAt }
    } catch (err) {
      const error = asProviderError(err)
      if (!error.retryable || attempts > o.retries || o.signal?.aborted)
        return { ok: false, error, attempts, startedAt }
      if (!(await sleep(waitMs(error, attempts - 1), o.signal)))
        return { ok: false, error, attempts, startedAt }
    }
  }
}
