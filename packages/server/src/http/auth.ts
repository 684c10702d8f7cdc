import { hasScope, type Scope } from '../model/index.js'
import { hashSecret, newSecret } from '../projects/index.js'
import { type Db, findApiKeyByHash, touchApiKeys } from '../store/index.js'
import { AppError } from './errors.js'

export type AuthContext = { projectId: string; keyId: string; scopes: Scope[] }

/** How long a looked-up key is trusted before the store is asked again (revocation delay). */
const KEY_CACHE_TTL_MS = 5_000
/** last_used_at is written at most this often per key. */
const TOUCH_INTERVAL_MS = 60_000

/**
 * Resolves `Authorization: Bearer <secret>` to a project and scopes. Besides stored keys it
 * knows process-local tokens (never stored) that `serve` and `demo` mint for the dashboard link
 * and their own traffic.
 */
export class Authenticator {
  private readonly cache = new Map<string, { ctx: AuthContext; until: number }>()
  private readonly local = new Map<string, AuthContext>()
  private readonly touched = new Map<string, number>()

  constructor(private readonly db: Db) {}

  /** A token valid while this process runs. */
  mintLocalToken(projectId: string, scopes: Scope[], name = 'local'): string {
    const secret = newSecret()
    this.local.set(hashSecret(secret), { projectId, keyId: `local:${name}`, scopes })
    return secret
  }

  /** Forgets cached lookups, e.g. right after a key was revoked in this process. */
  invalidate(): void {
    this.cache.clear()
  }

  async authenticate(header: string | undefined, now = Date.now()): Promise<AuthContext> {
    const secret = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1]
    if (!secret) {
      throw new AppError(
        401,
        'missing_api_key',
        'send "Authorization: Bearer <api key>"; create a key with `chatlens keys create`',
      )
    }
    const hash = hashSecret(secret)
    const local = this.local.get(hash)
    if (local) return local
    const cached = this.cache.get(hash)
    if (cached && cached.until > now) return cached.ctx
    const key = await findApiKeyByHash(this.db, hash)
    if (!key) throw new AppError(401, 'invalid_api_key', 'this API key is unknown or revoked')
    const ctx: AuthContext = { projectId: key.projectId, keyId: key.id, scopes: key.scopes }
    this.cache.set(hash, { ctx, until: now + KEY_CACHE_TTL_MS })
    if ((this.touched.get(key.id) ?? 0) + TOUCH_INTERVAL_MS < now) {
      this.touched.set(key.id, now)
      touchApiKeys(this.db, [key.id], now).catch(() => {})
    }
    return ctx
  }
}

export function requireScope(ctx: AuthContext, scope: Scope): void {
  if (!hasScope(ctx.scopes, scope)) {
    throw new AppError(403, 'insufficient_scope', `this API key lacks the "${scope}" scope`, {
      required: scope,
      granted: ctx.scopes,
    })
  }
}
