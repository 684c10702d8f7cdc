import type { Db, Queryable } from '../db.js'

export type DirtyHour = { project_id: string; hour: number }

/** Stale hours, newest first (the current hour matters most to a dashboard). */
export function listDirtyHours(db: Queryable, limit: number): Promise<DirtyHour[]> {
  return db.all<DirtyHour>(
    'SELECT project_id, hour FROM analytics_dirty GROUP BY project_id, hour ORDER BY hour DESC LIMIT ?',
    [limit],
  )
}

/** Stale hours of a project in [from, to). */
export async function dirtyHoursBetween(
  db: Queryable,
  projectId: string,
  from: number,
  to: number,
): Promise<number[]> {
  const rows = await db.all<{ hour: number }>(
    'SELECT DISTINCT hour FROM analytics_dirty WHERE project_id = ? AND hour >= ? AND hour < ?',
    [projectId, from, to],
  )
  return rows.map((r) => Number(r.hour))
}

export async function countDirtyHours(db: Queryable, projectId?: string): Promise<number> {
  const row = projectId
    ? await db.get<{ n: number }>(
        'SELECT COUNT(*) AS n FROM (SELECT DISTINCT hour FROM analytics_dirty WHERE project_id = ?) d',
        [projectId],
      )
    : await db.get<{ n: number }>(
        'SELECT COUNT(*) AS n FROM (SELECT DISTINCT project_id, hour FROM analytics_dirty) d',
      )
  return Number(row?.n ?? 0)
}

/**
 * Starts rebuilding one hour inside `tx` and says whether to go on. On PostgreSQL the
 * transaction becomes REPEATABLE READ, so the data it reads and the queue entries it deletes
 * come from one snapshot: an entry committed later (by an ingest that the snapshot does not
 * see) survives and the hour is built again. A try-lock keeps two instances off the same hour.
 * SQLite runs one writer at a time, which gives the same guarantee.
 */
export async function beginHourRebuild(tx: Queryable, projectId: string, hour: number): Promise<boolean> {
  if (tx.dialect === 'postgres') {
    await tx.run('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ')
    const lock = await tx.get<{ ok: boolean }>(
      'SELECT pg_try_advisory_xact_lock(hashtextextended(?, 0)) AS ok',
      [`analytics:${projectId}:${hour}`],
    )
    if (!lock?.ok) return false
  }
  const row = await tx.get('SELECT 1 AS one FROM analytics_dirty WHERE project_id = ? AND hour = ? LIMIT 1', [
    projectId,
    hour,
  ])
  return row !== undefined
}

export async function clearDirtyHour(tx: Queryable, projectId: string, hour: number): Promise<void> {
  await tx.run('DELETE FROM analytics_dirty WHERE project_id = ? AND hour = ?', [projectId, hour])
}

/** Marks every hour of a project stale, e.g. after a change in how rollups are computed. */
export async function markAllHoursDirty(db: Db, projectId: string): Promise<void> {
  const hour = (c: string) => `${c} - ${c} % 3600000`
  const insert = db.dialect === 'sqlite' ? 'INSERT OR IGNORE INTO' : 'INSERT INTO'
  await db.run(
    `${insert} analytics_dirty (project_id, hour)
      SELECT DISTINCT project_id, ${hour('timestamp')} FROM traces WHERE project_id = ?
      UNION SELECT DISTINCT project_id, ${hour('started_at')} FROM sessions WHERE project_id = ?`,
    [projectId, projectId],
  )
}
