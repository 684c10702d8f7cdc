import type { Db } from './db.js'
import { MIGRATIONS, type Migration, TYPES } from './migrations/index.js'

/** Applies every migration not yet applied, each in its own transaction. Returns their ids. */
export async function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): Promise<string[]> {
  await db.run(
    `CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at ${TYPES[db.dialect].int} NOT NULL)`,
  )
  const applied: string[] = []
  for (const m of migrations) {
    const done = await db.transaction(async (tx) => {
      // PostgreSQL: several server instances may start together; one migrates, the others wait.
      if (tx.dialect === 'postgres') await tx.run('SELECT pg_advisory_xact_lock(7461001)')
      if (await tx.get('SELECT id FROM schema_migrations WHERE id = ?', [m.id])) return false
      for (const sql of m.statements(TYPES[tx.dialect], tx.dialect)) await tx.run(sql)
      await tx.run('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)', [m.id, Date.now()])
      return true
    })
    if (done) applied.push(m.id)
  }
  return applied
}
