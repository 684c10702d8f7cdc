import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  OpenAIError,
} from 'openai'
import { ProviderError, type ProviderErrorKind } from './provider.js'

/** Retry-After in ms: `retry-after-ms`, then `retry-after` as seconds or an HTTP date. */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '')
  if (Number.isFinite(ms) && ms >= 0) return Math.round(ms)
  const value = headers.get('retry-after')
  if (!value) return undefined
  const seconds = Number.parseFloat(value)
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000)
  const date = Date.parse(value)
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined
}

export function kindForStatus(status: number): ProviderErrorKind {
  if (status === 429) return 'rate_limit'
  if (status === 401 || status === 403) return 'auth'
  if (status === 408) return 'timeout'
  if (status >= 500) return 'server'
  return 'bad_request'
}

/** One place that turns whatever the openai client threw into a ProviderError. */
export function toProviderError(err: unknown): ProviderError {
  if (err instanceof ProviderError) return err
  // Subclasses first: each of these also extends APIError.
  if (err instanceof APIConnectionTimeoutError) {
    return new ProviderError('timeout', 'the LLM endpoint did not answer in time', { cause: err })
  }
  if (err instanceof APIUserAbortError) {
    return new ProviderError('network', 'the request was aborted', { cause: err })
  }
  if (err instanceof APIConnectionError) {
    return new ProviderError('network', `cannot reach the LLM endpoint: ${err.message}`, { cause: err })
  }
  if (err instanceof APIError && typeof err.status === 'number') {
    const options: { status: number; retryAfterMs?: number; cause: unknown } = {
      status: err.status,
      cause: err,
    }
    const wait = retryAfterMs(err.headers)
    if (wait !== undefined) options.retryAfterMs = wait
    return new ProviderError(kindForStatus(err.status), err.message, options)
  }
  if (err instanceof OpenAIError || err instanceof SyntaxError) {
    return new ProviderError('invalid_response', `unreadable answer from the LLM endpoint: ${err.message}`, {
      cause: err,
    })
  }
  const message = err instanceof Error ? err.message : String(err)
  return new ProviderError('network', message, { cause: err })
}
