import type { Reporter } from './report.js'

/** How long a read of the registry or an experiment may take before the fallback is used. */
export const READ_TIMEOUT_MS = 5_000

export type ReadResult<T> = { ok: true; value: T } | { ok: false; status: number | null; message: string }

/**
 * Reads JSON from the chatlens API for the prompt registry and experiments: one GET, a timeout,
 * no retries (the callers cache and fall back instead). Without a server configured (no API key,
 * or the SDK disabled) every read fails at once and nothing leaves the process.
 */
export class ServerReader {
  private baseUrl: string | undefined
  private apiKey: string | undefined

  constructor(readonly reporter: Reporter) {}

  configure(baseUrl: string, apiKey: string): void {
    this.baseUrl = baseUrl.replace(/\/+$/, '')
    this.apiKey = apiKey
  }

  get configured(): boolean {
    return this.baseUrl !== undefined
  }

  async get<T>(path: string, timeoutMs = READ_TIMEOUT_MS): Promise<ReadResult<T>> {
    if (!this.baseUrl) return { ok: false, status: null, message: 'no chatlens server configured (apiKey)' }
    const url = `${this.baseUrl}${path}`
    try {
      const res = await fetch(url, {
        headers: { authorization: `Bearer ${this.apiKey}`, accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      })
      const text = await res.text()
      if (!res.ok)
        return { ok: false, status: res.status, message: `HTTP ${res.status}: ${errorMessage(text)}` }
      return { ok: true, value: JSON.parse(text) as T }
    } catch (err) {
      return {
        ok: false,
        status: null,
        message: `cannot reach ${url}: ${(err as Error)?.message ?? String(err)}`,
      }
    }
  }

  /** Reports a failed read once per code, as every SDK problem: never thrown. */
  report(result: { status: number | null; message: string }, what: string): void {
    const code =
      result.status !== null && result.status < 500 && result.status !== 429
        ? 'request_rejected'
        : 'server_unavailable'
    this.reporter.report(
      code,
      `${what}: ${result.message}`,
      result.status === null ? undefined : { status: result.status },
    )
  }
}

function errorMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: { message?: string } }
    if (typeof body.error?.message === 'string') return body.error.message.slice(0, 500)
  } catch {}
  return text.slice(0, 500)
}
