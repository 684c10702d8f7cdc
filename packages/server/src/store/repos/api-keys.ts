import type { ApiKey, Scope } from '../../model/index.js'
import type { Queryable } from '../db.js'

type ApiKeyRow = {
  id: string
  project_id: string
  name: string
  prefix: string
  hash: string
  scopes: string
  created_at: number
  last_used_at: number | null
  revoked_at: number | null
}

const toApiKey = (r: ApiKeyRow): ApiKey => ({
  id: r.id,
  projectId: r.project_id,
  name: r.name,
  prefix: r.prefix,
  scopes: r.scopes.split(',') as Scope[],
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
})

export async function insertApiKey(db: Queryable, key: ApiKey, hash: string): Promise<void> {
  await db.run(
    'INSERT INTO api_keys (id, project_id, name, prefix, hash, scopes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [key.id, key.projectId, key.name, key.prefix, hash, key.scopes.join(','), key.createdAt],
  )
}

/** The live (not revoked) key with this secret hash. */
export async function findApiKeyByHash(db: Queryable, hash: string): Promise<ApiKey | undefined> {
  const row = await db.get<ApiKeyRow>('SELECT * FROM api_keys WHERE hash = ? AND revoked_at IS NULL', [hash])
  return row && toApiKey(row)
}

export async function listApiKeys(db: Queryable, projectId: string): Promise<ApiKey[]> {
  const rows = await db.all<ApiKeyRow>(
    'SELECT * FROM api_keys WHERE project_id = ? ORDER BY created_at, id',
    [projectId],
  )
  return rows.map(toApiKey)
}

export async function revokeApiKey(
  db: Queryable,
  projectId: string,
  id: string,
  at: number,
): Promise<boolean> {
  const { changes } = await db.run(
    'UPDATE api_keys SET revoked_at = ? WHERE project_id = ? AND id = ? AND revoked_at IS NULL',
    [at, projectId, id],
  )
  return changes > 0
}

export async function touchApiKeys(db: Queryable, ids: readonly string[], at: number): Promise<void> {
  for (const id of ids) await db.run('UPDATE api_keys SET last_used_at = ? WHERE id = ?', [at, id])
}
