import type { Queryable, SqlValue } from '../db.js'
import { insertSql, ROWS_PER_STATEMENT } from './sql.js'

const COLUMNS = ['project_id', 'event_id', 'received_at']
const TAIL = 'ON CONFLICT (project_id, event_id) DO NOTHING RETURNING event_id'

/**
 * Records event ids and returns those seen for the first time. Replaying an event (an SDK
 * retry after a lost response) must not apply its update again over newer data. On
 * PostgreSQL a concurrent batch with the same id waits for this one and then sees it taken.
 */
export async function claimEventIds(
  tx: Queryable,
  projectId: string,
  eventIds: readonly string[],
  now: number,
): Promise<Set<string>> {
  const fresh = new Set<string>()
  for (let i = 0; i < eventIds.length; i += ROWS_PER_STATEMENT) {
    const chunk = eventIds.slice(i, i + ROWS_PER_STATEMENT)
    const params: SqlValue[] = chunk.flatMap((id) => [projectId, id, now])
    const rows = await tx.all<{ event_id: string }>(
      insertSql('ingest_events', COLUMNS, chunk.length, TAIL),
      params,
    )
    for (const r of rows) fresh.add(r.event_id)
  }
  return fresh
}

/** Forgets event ids older than `before`; replays older than that window are applied again. */
export async function pruneEventIds(db: Queryable, before: number): Promise<number> {
  return (await db.run('DELETE FROM ingest_events WHERE received_at < ?', [before])).changes
}
