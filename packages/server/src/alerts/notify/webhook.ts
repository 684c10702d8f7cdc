/** Attempts per notification, and the waits between them (doubled each time, jittered). */
export const WEBHOOK_ATTEMPTS = 4
export const WEBHOOK_FIRST_DELAY_MS = 500
export const WEBHOOK_TIMEOUT_MS = 5_000
/** A Retry-After longer than this is not waited for; the delivery fails and is reported. */
const MAX_RETRY_AFTER_MS = 30_000

export type PostOptions = { attempts?: number; firstDelayMs?: number; timeoutMs?: number }
export type PostResult = { ok: boolean; attempts: number; status?: number; error?: string }

const retryable = (status: number) => status === 408 || status === 429 || status >= 500

function retryAfterMs(h: string | null): number | null {
  if (!h) return null
  const s = Number(h)
  if (Number.isFinite(s)) return s * 1000
  const at = Date.parse(h)
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : null
}

/**
 * POSTs JSON and retries network errors, timeouts, 408, 429 and 5xx with exponential backoff
 * and jitter, honouring Retry-After. Other 4xx answers are final: the receiver refused it.
 */
export async function postJson(url: string, body: unknown, o: PostOptions = {}): Promise<PostResult> {
  const {
    attempts = WEBHOOK_ATTEMPTS,
    firstDelayMs = WEBHOOK_FIRST_DELAY_MS,
    timeoutMs = WEBHOOK_TIMEOUT_MS,
  } = o
  const payload = JSON.stringify(body)
  let last: PostResult = { ok: false, attempts: 0 }
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let wait = firstDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random() / 2)
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'chatlens-alerts' },
        body: payload,
        signal: AbortSignal.timeout(timeoutMs),
      })
      await res.arrayBuffer().catch(() => undefined)
      if (res.ok) return { ok: true, attempts: attempt, status: res.status }
      last = { ok: false, attempts: attempt, status: res.status, error: `HTTP ${res.status}` }
      if (!retryable(res.status)) return last
      const after = retryAfterMs(res.headers.get('retry-after'))
      if (after !== null) {
        if (after > MAX_RETRY_AFTER_MS)
          return { ...last, error: `HTTP ${res.status}, Retry-After ${Math.round(after / 1000)} s` }
        wait = after
      }
    } catch (err) {
      last = {
        ok: false,
        attempts: attempt,
        error:
          (err as Error).name === 'TimeoutError' ? `timed out after ${timeoutMs} ms` : (err as Error).message,
      }
    }
    if (attempt < attempts) await new Promise((r) => setTimeout(r, wait))
  }
  return last
}
