import type { Queryable } from '../db.js'
import { insertIgnore, placeholders, selectByIds } from './sql.js'

/**
 * Records event ids and returns those seen for the first time. Replaying an event (an SDK
 * retry after a lost response) must not apply its update again over newer data.
 */
export async function claimEventIds(
  tx: Queryable,
  projectId: string,
  eventIds: readonly string[],
  now: number,
): Promise<Set<string>> {
  const seen = await selectByIds(eventIds, (chunk) =>
    tx.all<{ event_id: string }>(
      `SELECT event_id FROM ingest_events WHERE project_id = ? AND event_id IN (${placeholders(chunk.length)})`,
      [projectId, ...chunk],
    ),
  )
  const known = new Set(seen.map((r) => r.event_id))
  const fresh = new Set<string>()
  for (const id of eventIds) if (!known.has(id)) fresh.add(id)
  const rows = [...fresh].map((event_id) => ({ project_id: projectId, event_id, received_at: now }))
  await insertIgnore(tx, 'ingest_events', ['project_id', 'event_id', 'received_at'], ['project_id', 'event_id'], rows)
  return fresh
}

/** Forgets event ids older than `before`; replays older than that window are applied again. */
export async function pruneEventIds(db: Queryable, before: number): Promise<number> {
  return (await db.run('DELETE FROM ingest_events WHERE received_at < ?', [before])).changes
}
