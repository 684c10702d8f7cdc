import { useState } from 'preact/hooks'
import { Logo } from '../components/icons.js'
import { type ApiError, checkKey } from '../lib/api.js'
import { type SignOutReason, signIn } from '../lib/auth.js'

const REASONS: Record<SignOutReason, string> = {
  signed_out: 'You signed out.',
  rejected:
    'The server did not accept the key. Dashboard links printed by `chatlens serve` work only while that process runs; sign in again with a link or an API key.',
}

/** Asks for an API key when none is stored, and checks it before keeping it. */
export function LoginPage({ reason }: { reason: SignOutReason | null }) {
  const [key, setKey] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (e: Event) => {
    e.preventDefault()
    const token = key.trim()
    if (!token) return setError('Paste an API key.')
    setBusy(true)
    setError(null)
    try {
      await checkKey(token)
      signIn(token)
    } catch (err) {
      const e = err as ApiError
      setError(
        e.status === 401
          ? 'This key is unknown or revoked.'
          : e.status === 403
            ? 'This key cannot read data (it lacks the "read" scope).'
            : e.message,
      )
    } finally {
      setBusy(false)
    }
  }

  return (
    <main class="login">
      <form class="login__card" onSubmit={submit}>
        <div class="login__brand">
          <Logo />
          <span>chatlens</span>
        </div>
        <h1>Sign in to the dashboard</h1>
        {reason && <p class="banner banner--info">{REASONS[reason]}</p>}
        <label class="field">
          <span>API key</span>
          <input
            type="password"
            name="apiKey"
            autoComplete="off"
            spellcheck={false}
            placeholder="paste a key with read access"
            value={key}
            onInput={(e) => setKey(e.currentTarget.value)}
          />
        </label>
        {error && (
          <p class="field__error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? 'Checking…' : 'Sign in'}
        </button>
        <div class="login__hint">
          <p>
            <strong>Running locally?</strong> <code>chatlens serve</code> prints a dashboard link that signs
            you in.
          </p>
          <p>
            <strong>Need a key?</strong> Create one with <code>chatlens keys create</code>.
          </p>
        </div>
      </form>
    </main>
  )
}
