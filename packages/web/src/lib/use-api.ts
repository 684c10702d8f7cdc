import { useCallback, useEffect, useRef, useState } from 'preact/hooks'
import { apiGet, type Query } from './api.js'
import type { Page } from './api-types.js'

export type Loaded<T> = { data: T | null; error: Error | null; loading: boolean; reload(): void }

const isAbort = (e: unknown) => (e as Error)?.name === 'AbortError'

/** Fetches `path` whenever it or the query changes; a newer request cancels the older one. */
export function useApi<T>(path: string | null, query: Query = {}, refresh = 0): Loaded<T> {
  const key = path === null ? null : JSON.stringify([path, query, refresh])
  const [state, setState] = useState<{ key: string | null; data: T | null; error: Error | null }>({
    key: null,
    data: null,
    error: null,
  })
  const [nonce, setNonce] = useState(0)
  useEffect(() => {
    if (path === null) return
    const ctl = new AbortController()
    apiGet<T>(path, query, ctl.signal).then(
      (data) => setState({ key, data, error: null }),
      (error) => isAbort(error) || setState({ key, data: null, error }),
    )
    return () => ctl.abort()
  }, [key, nonce])
  const reload = useCallback(() => setNonce((n) => n + 1), [])
  const fresh = state.key === key
  return {
    data: fresh ? state.data : null,
    error: fresh ? state.error : null,
    loading: !fresh && path !== null,
    reload,
  }
}

export type Paged<T> = {
  rows: T[]
  error: Error | null
  loading: boolean
  hasMore: boolean
  loadMore(): void
}

/**
 * A cursor-paginated list: the first page loads when the query changes, `loadMore` appends the
 * next one. Pages of a superseded query are dropped.
 */
export function usePaged<T>(path: string, query: Query, pageSize: number, refresh = 0): Paged<T> {
  const key = JSON.stringify([path, query, pageSize, refresh])
  const [state, setState] = useState<{ key: string; rows: T[]; cursor: string | null; done: boolean }>({
    key: '',
    rows: [],
    cursor: null,
    done: false,
  })
  const [error, setError] = useState<Error | null>(null)
  const [busy, setBusy] = useState(false)
  const inflight = useRef<AbortController | null>(null)

  const fetchPage = useCallback(
    (cursor: string | null, append: boolean) => {
      inflight.current?.abort()
      const ctl = new AbortController()
      inflight.current = ctl
      setBusy(true)
      setError(null)
      apiGet<Page<T>>(path, { ...query, limit: pageSize, cursor }, ctl.signal).then(
        (page) => {
          if (ctl.signal.aborted) return
          setState((s) => ({
            key,
            rows: append && s.key === key ? [...s.rows, ...page.data] : page.data,
            cursor: page.nextCursor,
            done: page.nextCursor === null,
          }))
          setBusy(false)
        },
        (e) => {
          if (isAbort(e)) return
          setError(e)
          setBusy(false)
        },
      )
    },
    [key],
  )

  useEffect(() => {
    fetchPage(null, false)
    return () => inflight.current?.abort()
  }, [fetchPage])

  const fresh = state.key === key
  const loadMore = useCallback(() => {
    if (!busy && fresh && !state.done && state.cursor) fetchPage(state.cursor, true)
  }, [busy, fresh, state, fetchPage])

  return {
    rows: fresh ? state.rows : [],
    error,
    loading: busy || !fresh,
    hasMore: fresh && !state.done,
    loadMore,
  }
}
