import type { z } from 'zod'
import { buildAllDirtyHours } from '../analytics/index.js'
import { describeStore, resolveServerConfig, type ServerFlags } from '../config.js'
import { ensureDefaultProject } from '../projects/index.js'
import { countDirtyHours, type Db, openStore } from '../store/index.js'
import { dim, fail } from './output.js'
import { progressBar } from './progress.js'

/** Opens the store the server uses (same flags and variables) and runs `fn` in its project. */
export async function withStore<T>(
  flags: ServerFlags,
  fn: (db: Db, projectId: string) => Promise<T>,
): Promise<T> {
  const url = resolveServerConfig(flags).databaseUrl
  let db: Db
  try {
    db = await openStore(url)
  } catch (err) {
    fail(
      `cannot open the store (${describeStore(url)}): ${(err as Error).message}`,
      'pass --data-dir or --database-url to point at your chatlens data',
    )
  }
  try {
    const { project } = await ensureDefaultProject(db)
    return await fn(db, project.id)
  } finally {
    await db.close()
  }
}

/** Validates CLI flags with a schema; a bad one stops with its name and what was expected. */
export function parseFlags<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const r = schema.safeParse(raw)
  if (!r.success) {
    const issue = r.error.issues[0]!
    fail(`--${String(issue.path[0] ?? '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${issue.message}`)
  }
  return r.data
}

/** Brings stale rollup hours up to date first, with progress, so long reads are fast. */
export async function refreshRollups(db: Db): Promise<void> {
  const stale = await countDirtyHours(db)
  if (stale === 0) return
  process.stderr.write(
    dim(
      `  updating analytics rollups for ${stale} hour${stale === 1 ? '' : 's'} (the server does this continuously)\n`,
    ),
  )
  const bar = progressBar('rollups', stale, process.stderr)
  await buildAllDirtyHours(db, (built) => bar.update(built))
  bar.stop()
}
