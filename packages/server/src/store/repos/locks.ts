import type { Queryable } from '../db.js'

/**
 * Serialises transactions that read, merge and write the same entities. PostgreSQL takes
 * transaction-scoped advisory locks in a fixed order (no deadlocks between batches); SQLite
 * runs one write transaction at a time already.
 */
export async function lockKeys(tx: Queryable, keys: readonly string[]): Promise<void> {
  if (tx.dialect !== 'postgres' || keys.length === 0) return
  const sorted = [...new Set(keys)].sort()
  await tx.run(
    'SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest(string_to_array(?, chr(31))) AS k ORDER BY k',
    [sorted.join('\u001f')],
  )
}
