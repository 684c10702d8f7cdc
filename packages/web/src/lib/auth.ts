import { Changes } from './changes.js'

/**
 * The API key lives in localStorage so links opened in a new tab stay signed in; "Sign out"
 * forgets it. A `?token=` in the address (the link `chatlens serve` prints) is taken once and
 * removed from the address bar, so it does not linger in history or get copied along with a URL.
 */
const STORAGE_KEY = 'chatlens.apiKey'

export type SignOutReason = 'signed_out' | 'rejected'
export type AuthState = { token: string | null; reason: SignOutReason | null }

let state: AuthState = { token: read(), reason: null }
const changes = new Changes()

function read(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY)
  } catch {
    return null
  }
}

function set(next: AuthState) {
  state = next
  try {
    if (next.token) localStorage.setItem(STORAGE_KEY, next.token)
    else localStorage.removeItem(STORAGE_KEY)
  } catch {}
  changes.emit()
}

export function getToken(): string | null {
  return state.token
}

export function signIn(token: string): void {
  set({ token, reason: null })
}

export function signOut(reason: SignOutReason = 'signed_out'): void {
  if (state.token === null && state.reason === reason) return
  set({ token: null, reason })
}

/** Moves `?token=` from the address bar into storage; returns true when one was there. */
export function takeTokenFromUrl(loc: Location = window.location): boolean {
  const url = new URL(loc.href)
  const token = url.searchParams.get('token')
  if (token === null) return false
  url.searchParams.delete('token')
  history.replaceState(history.state, '', url.pathname + url.search + url.hash)
  if (token.trim()) signIn(token.trim())
  return true
}

export function useAuth(): AuthState {
  changes.use()
  return state
}
