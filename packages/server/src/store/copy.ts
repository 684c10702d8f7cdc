import { type Db, MAX_PARAMS_PER_STATEMENT, type Queryable, type SqlValue } from './db.js'
import { MIGRATIONS } from './migrations/index.js'
import { insertSql } from './repos/sql.js'

/**
 * The tables `chatlens db copy` copies row by row, parents first (a project before its keys, a
 * conversation before its turns, a turn before its spans and scores, a prompt before its
 * versions, a dataset before its items and runs). A table added by a migration must be listed
 * here or in DERIVED_TABLES: the copy refuses a store with a table in neither, and a test fails.
 */
export const COPIED_TABLES = [
  'projects',
  'api_keys',
  'sessions',
  'traces',
  'trace_tags',
  'spans',
  'scores',
  'feedback',
  'ingest_events',
  'eval_jobs',
  // The project's term statistics for the relevance scores: accumulated as turns are scored.
  'eval_corpus',
  'alert_channels',
  'alert_rules',
  'alert_events',
  'alert_defaults',
  'prompts',
  'prompt_versions',
  'prompt_labels',
  'experiments',
  'datasets',
  'dataset_versions',
  'dataset_items',
  'dataset_runs',
  'dataset_run_items',
  'recommendations',
  'optimization_actions',
] as const

/** Tables the target fills itself, with how; they are never copied. */
export const DERIVED_TABLES = {
  schema_migrations: 'written by the migrations',
  analytics_dirty: 'queued by triggers as rows arrive',
  analytics_hourly: 'rebuilt from the copied rows',
  analytics_conversations_hourly: 'rebuilt from the copied rows',
  analytics_tag_hourly: 'rebuilt from the copied rows',
  analytics_tag_conversations_hourly: 'rebuilt from the copied rows',
} as const

export type CopiedTable = (typeof COPIED_TABLES)[number]
export type DerivedTable = keyof typeof DERIVED_TABLES

/** Rows of one copied table: in the source before and after the copy, written, and in the target. */
export type TableCount = { table: CopiedTable; source: number; copied: number; target: number }

/** A copy that was refused or rolled back, with what to do about it. */
export class CopyError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    /** Per-table counts when the copy got as far as verifying them. */
    readonly counts?: TableCount[],
    options?: ErrorOptions,
  ) {
    super(message, options)
    this.name = 'CopyError'
  }
}

/** Called as a table starts (copied 0) and after every statement that wrote its rows. */
export type CopyProgress = (table: CopiedTable, copied: number, total: number) => void

/** Most rows one multi-row INSERT carries (fewer for wide tables, under the parameter limit). */
const MAX_ROWS_PER_STATEMENT = 500

/** The tables of a store as its engine's catalog lists them, sorted. */
export async function listTables(db: Queryable): Promise<string[]> {
  const rows =
    db.dialect === 'sqlite'
      ? await db.all<{ name: string }>(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'",
        )
      : await db.all<{ name: string }>(
          `SELECT table_name AS name FROM information_schema.tables
           WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
        )
  return rows.map((r) => r.name).sort()
}

/** Tables that are neither copied nor derived: a store from a newer chatlens, or a new table not yet listed. */
export function unknownTables(tables: readonly string[]): string[] {
  const known = new Set<string>([...COPIED_TABLES, ...Object.keys(DERIVED_TABLES)])
  return tables.filter((t) => !known.has(t))
}

/** Row counts per table. */
export async function countRows<T extends string>(
  db: Queryable,
  tables: readonly T[],
): Promise<Record<T, number>> {
  const counts = {} as Record<T, number>
  for (const t of tables)
    counts[t] = Number((await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${t}`))!.n)
  return counts
}

/** Refuses a store whose schema this chatlens does not fully know (it would skip data). */
async function checkSchema(db: Queryable, role: 'source' | 'target'): Promise<void> {
  const unknown = unknownTables(await listTables(db))
  const ids = new Set(MIGRATIONS.map((m) => m.id))
  const newer = (await db.all<{ id: string }>('SELECT id FROM schema_migrations'))
    .map((r) => r.id)
    .filter((id) => !ids.has(id))
  if (unknown.length || newer.length)
    throw new CopyError(
      `the ${role} has ${[...unknown.map((t) => `table ${t}`), ...newer.map((m) => `migration ${m}`)].join(', ')} that this chatlens does not know`,
      'it was written by a newer chatlens: run the copy with that version',
    )
}

/** Refuses a target that holds any row of a copied table, naming the first few. */
async function requireEmpty(tx: Queryable): Promise<void> {
  const counts = await countRows(tx, COPIED_TABLES)
  const held = COPIED_TABLES.filter((t) => counts[t] > 0)
  if (!held.length) return
  const named = held.slice(0, 4).map((t) => `${t} ${counts[t]}`)
  if (held.length > 4) named.push(`${held.length - 4} more tables`)
  throw new CopyError(
    `the target already holds data (${named.join(', ')}); nothing was copied`,
    `copy into an empty store: ${
      tx.dialect === 'postgres'
        ? 'create a new database (createdb chatlens_new) or empty this one (DROP SCHEMA public CASCADE; CREATE SCHEMA public;)'
        : 'give --to a new file, or delete this one'
    }, then run chatlens db copy again. A server started on the target creates a project and key: start it after the copy`,
  )
}

/** Streams one table from `source` into `tx` in multi-row INSERTs; returns the rows written. */
async function copyTable(
  source: Db,
  tx: Queryable,
  table: CopiedTable,
  onRows: (copied: number) => void,
): Promise<number> {
  let columns: string[] = []
  let perStatement = 0
  let params: SqlValue[] = []
  let pending = 0
  let copied = 0
  const flush = async () => {
    if (!pending) return
    await tx.run(insertSql(table, columns, pending, ''), params)
    copied += pending
    params = []
    pending = 0
    onRows(copied)
  }
  for await (const row of source.iterate<Record<string, SqlValue>>(`SELECT * FROM ${table}`)) {
    if (!columns.length) {
      columns = Object.keys(row)
      perStatement = Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMS_PER_STATEMENT / columns.length))
    }
    for (const c of columns) params.push(row[c] ?? null)
    if (++pending === perStatement) await flush()
  }
  await flush()
  return copied
}

/**
 * PostgreSQL: moves every sequence behind a serial or identity column past the highest copied
 * value, so the next default does not collide. SQLite keeps AUTOINCREMENT counters itself.
 */
export async function advanceSequences(tx: Queryable): Promise<void> {
  if (tx.dialect !== 'postgres') return
  const columns = await tx.all<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND (column_default LIKE 'nextval(%' OR is_identity = 'YES')`,
  )
  for (const { table_name: t, column_name: c } of columns)
    await tx.run(`SELECT setval(pg_get_serial_sequence(?, ?), COALESCE(MAX(${c}), 0) + 1, false) FROM ${t}`, [
      t,
      c,
    ])
}

/** Throws when a table's counts disagree: the source changed meanwhile, or rows went missing. */
function verify(counts: TableCount[], sourceAfter: Record<CopiedTable, number>): void {
  const changed = counts.filter((c) => c.source !== c.copied || c.source !== sourceAfter[c.table])
  if (changed.length)
    throw new CopyError(
      `the source changed during the copy (${changed.map((c) => c.table).join(', ')}); the copy was rolled back`,
      'stop every chatlens server that uses the source, then run chatlens db copy again',
      counts,
    )
  const missing = counts.filter((c) => c.copied !== c.target)
  if (missing.length)
    throw new CopyError(
      `row counts differ on the target (${missing.map((c) => `${c.table}: ${c.copied} written, ${c.target} found`).join('; ')}); the copy was rolled back`,
      'the target was left as it was; check that nothing else writes to it and run chatlens db copy again',
      counts,
    )
}

/**
 * Copies every row of the copied tables from `source` into the empty store `target` in one
 * transaction: a failure or a count mismatch rolls it all back, leaving the target as it was.
 * Both stores must be migrated (openStore). The target's triggers queue the analytics hours of
 * the rows they receive; the caller rebuilds them (buildAllDirtyHours) after this resolves.
 */
export async function copyStore(source: Db, target: Db, onProgress?: CopyProgress): Promise<TableCount[]> {
  await checkSchema(source, 'source')
  await checkSchema(target, 'target')
  const before = await countRows(source, COPIED_TABLES)
  return target.transaction(async (tx) => {
    await requireEmpty(tx)
    const counts: TableCount[] = []
    for (const table of COPIED_TABLES) {
      onProgress?.(table, 0, before[table])
      let copied: number
      try {
        copied = await copyTable(source, tx, table, (n) => onProgress?.(table, n, before[table]))
      } catch (err) {
        throw new CopyError(
          `copying ${table} failed: ${(err as Error).message}; the copy was rolled back`,
          'the target was left as it was; fix the cause and run chatlens db copy again',
          undefined,
          { cause: err },
        )
      }
      const target = (await countRows(tx, [table]))[table]
      counts.push({ table, source: before[table], copied, target })
    }
    verify(counts, await countRows(source, COPIED_TABLES))
    await advanceSequences(tx)
    return counts
  })
}
