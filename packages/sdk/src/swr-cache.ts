import type { ReadResult } from './server-reader.js'

/** How long after a failed read the server is asked again (meanwhile: the cached value or the fallback). */
export const FAILED_READ_PAUSE_MS = 10_000

export type Cached<T> = { value: T; source: 'network' | 'cache' | 'stale' }

type Entry<T> = { value?: T; fetchedAt: number; failedAt: number }

/**
 * A cache that never makes a caller wait for what it already has. Fresh values (younger than the
 * TTL) are returned as they are; older ones are returned at once while one background read
 * refreshes them (stale-while-revalidate); only a key never read waits for the server. When the
 * server cannot be reached the last value stays in use, however old, and the server is asked
 * again only after a pause.
 */
export class SwrCache<T> {
  private readonly entries = new Map<string, Entry<T>>()
  private readonly reading = new Map<string, Promise<ReadResult<T>>>()

  constructor(
    private readonly read: (key: string) => Promise<ReadResult<T>>,
    private readonly onFailure: (result: ReadResult<T> & { ok: false }, key: string) => void,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** The value for `key`, or undefined when it was never read and cannot be now. */
  async get(key: string, ttlMs: number): Promise<Cached<T> | undefined> {
    const entry = this.entries.get(key)
    const now = this.now()
    if (entry?.value !== undefined) {
      if (now - entry.fetchedAt < ttlMs) return { value: entry.value, source: 'cache' }
      if (now - entry.failedAt >= FAILED_READ_PAUSE_MS) void this.refresh(key)
      return { value: entry.value, source: 'stale' }
    }
    if (entry && now - entry.failedAt < FAILED_READ_PAUSE_MS) return undefined
    const result = await this.refresh(key)
    return result.ok ? { value: result.value, source: 'network' } : undefined
  }

  /** Forgets one key, or everything. */
  clear(key?: string): void {
    if (key === undefined) this.entries.clear()
    else this.entries.delete(key)
  }

  private refresh(key: string): Promise<ReadResult<T>> {
    let pending = this.reading.get(key)
    if (!pending) {
      pending = this.read(key)
        .catch((err): ReadResult<T> => ({ ok: false, status: null, message: String(err) }))
        .then((result) => {
          const entry = this.entries.get(key) ?? { fetchedAt: 0, failedAt: 0 }
          if (result.ok) this.entries.set(key, { value: result.value, fetchedAt: this.now(), failedAt: 0 })
          else {
            this.entries.set(key, { ...entry, failedAt: this.now() })
            this.onFailure(result, key)
          }
          return result
        })
        .finally(() => this.reading.delete(key))
      this.reading.set(key, pending)
    }
    return pending
  }
}
