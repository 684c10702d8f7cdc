import { z } from 'zod'
import { ShortText } from './common.js'

/** ingest: send data; read: query it; admin: everything, including keys and settings. */
export const Scope = z.enum(['ingest', 'read', 'admin'])
export type Scope = z.infer<typeof Scope>

export const ApiKeyCreate = z.object({
  name: ShortText.min(1).default('key'),
  scopes: z.array(Scope).min(1).default(['ingest', 'read']),
})
export type ApiKeyCreate = z.infer<typeof ApiKeyCreate>

/** A key as stored and listed: never the secret, only its hash and a display prefix. */
export type ApiKey = {
  id: string
  projectId: string
  name: string
  /** First characters of the secret, to tell keys apart in lists. */
  prefix: string
  scopes: Scope[]
  createdAt: number
  lastUsedAt: number | null
  revokedAt: number | null
}

export function hasScope(granted: readonly Scope[], needed: Scope): boolean {
  return granted.includes('admin') || granted.includes(needed)
}
