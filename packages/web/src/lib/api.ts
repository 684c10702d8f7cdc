import { getToken, signOut } from './auth.js'

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The request field a validation error is about ("threshold", "filters.category"). */
    readonly field: string | null = null,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export type Query = Record<string, string | number | boolean | null | undefined>

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v))
  const s = params.toString()
  return s ? `${path}?${s}` : path
}

type CallInit = { method?: string; body?: unknown; signal?: AbortSignal | undefined }

async function request<T>(path: string, token: string | null, init: CallInit = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (token) headers.authorization = `Bearer ${token}`
  if (init.body !== undefined) headers['content-type'] = 'application/json'
  let res: Response
  try {
    res = await fetch(path, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
    })
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err
    throw new ApiError(0, 'network_error', 'cannot reach the chatlens server; is `chatlens serve` running?')
  }
  const body = res.status === 204 ? null : await res.json().catch(() => null)
  if (!res.ok) {
    const e = body?.error
    throw new ApiError(
      res.status,
      e?.code ?? 'http_error',
      e?.message ?? `the server answered ${res.status}`,
      typeof e?.field === 'string' ? e.field : null,
    )
  }
  return body as T
}

async function authed<T>(path: string, init: CallInit): Promise<T> {
  try {
    return await request<T>(path, getToken(), init)
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) signOut('rejected')
    throw err
  }
}

/** GET from the API with the stored key. A 401 signs out, which brings back the login form. */
export function apiGet<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
  return authed<T>(withQuery(path, query), { signal })
}

/** POST, PUT, PATCH or DELETE with a JSON body; errors carry the field the server named. */
export function apiSend<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  return authed<T>(path, { method, body })
}

/** Tries a key before storing it (the login form). */
export function checkKey<T>(token: string): Promise<T> {
  return request<T>('/api/v1/project', token)
}
