import { getToken, signOut } from './auth.js'

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
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

async function request<T>(path: string, token: string | null, signal?: AbortSignal): Promise<T> {
  let res: Response
  try {
    res = await fetch(path, {
      headers: token
        ? { authorization: `Bearer ${token}`, accept: 'application/json' }
        : { accept: 'application/json' },
      signal,
    })
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err
    throw new ApiError(0, 'network_error', 'cannot reach the chatlens server; is `chatlens serve` running?')
  }
  const body = await res.json().catch(() => null)
  if (!res.ok) {
    const e = body?.error
    throw new ApiError(res.status, e?.code ?? 'http_error', e?.message ?? `the server answered ${res.status}`)
  }
  return body as T
}

/** GET from the API with the stored key. A 401 signs out, which brings back the login form. */
export async function apiGet<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
  try {
    return await request<T>(withQuery(path, query), getToken(), signal)
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) signOut('rejected')
    throw err
  }
}

/** Tries a key before storing it (the login form). */
export function checkKey<T>(token: string): Promise<T> {
  return request<T>('/api/v1/project', token)
}
