import type { Queryable, SqlValue } from '../db.js'

/** Rows per multi-row INSERT: few distinct statement texts to cache, few round trips. */
export const ROWS_PER_STATEMENT = 64

export type Row = Record<string, SqlValue>

/**
 * Inserts rows, replacing every non-key column of a row whose key exists (ON CONFLICT … DO
 * UPDATE, which SQLite and PostgreSQL both speak). Callers pass rows already merged.
 */
export async function upsertRows(
  tx: Queryable,
  table: string,
  columns: readonly string[],
  keys: readonly string[],
  rows: readonly Row[],
): Promise<void> {
  const updates = columns.filter((c) => !keys.includes(c)).map((c) => `${c} = excluded.${c}`)
  const conflict = updates.length
    ? `ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${updates.join(', ')}`
    : `ON CONFLICT (${keys.join(', ')}) DO NOTHING`
  await insertChunked(tx, table, columns, rows, conflict)
}

/** Inserts rows, skipping those whose key exists. */
export function insertIgnore(
  tx: Queryable,
  table: string,
  columns: readonly string[],
  keys: readonly string[],
  rows: readonly Row[],
): Promise<void> {
  return insertChunked(tx, table, columns, rows, `ON CONFLICT (${keys.join(', ')}) DO NOTHING`)
}

const statementCache = new Map<string, string>()

/** The text of a multi-row INSERT, cached per shape. */
export function insertSql(table: string, columns: readonly string[], count: number, tail: string): string {
  const cacheKey = `${table}|${columns.join(',')}|${count}|${tail}`
  let sql = statementCache.get(cacheKey)
  if (!sql) {
    const one = `(${columns.map(() => '?').join(', ')})`
    sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array(count).fill(one).join(', ')} ${tail}`
    statementCache.set(cacheKey, sql)
  }
  return sql
}

async function insertChunked(
  tx: Queryable,
  table: string,
  columns: readonly string[],
  rows: readonly Row[],
  tail: string,
): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT)
    const params: SqlValue[] = []
    for (const row of chunk) for (const c of columns) params.push(row[c] ?? null)
    await tx.run(insertSql(table, columns, chunk.length, tail), params)
  }
}

/** `?, ?, ?` for an IN list. */
export const placeholders = (n: number) => Array(n).fill('?').join(', ')

/** Runs `query` over `ids` in chunks small enough for any engine's parameter limit. */
export async function selectByIds<T>(
  ids: readonly string[],
  query: (chunk: readonly string[]) => Promise<T[]>,
  chunkSize = 500,
): Promise<T[]> {
  const out: T[] = []
  for (let i = 0; i < ids.length; i += chunkSize) out.push(...(await query(ids.slice(i, i + chunkSize))))
  return out
}

export const toBool = (v: unknown): boolean | null => (v === null || v === undefined ? null : Number(v) !== 0)
export const fromBool = (v: boolean | null | undefined): number | null => (v == null ? null : v ? 1 : 0)
export const parseJson = <T>(s: unknown, fallback: T): T =>
  typeof s === 'string' ? (JSON.parse(s) as T) : fallback
export const parseJsonOrNull = (s: unknown): unknown => (typeof s === 'string' ? JSON.parse(s) : null)

/** Rows of `table` in a project by primary key, in chunks. */
export function findByIds<R>(
  tx: Queryable,
  table: string,
  projectId: string,
  ids: readonly string[],
): Promise<R[]> {
  return selectByIds(ids, (chunk) =>
    tx.all<R>(`SELECT * FROM ${table} WHERE project_id = ? AND id IN (${placeholders(chunk.length)})`, [
      projectId,
      ...chunk,
    ]),
  )
}

/**
 * A WHERE clause built from optional filters: `when` skips a condition whose value is undefined,
 * `before` adds the keyset condition of a newest-first page ordered by (column, id).
 */
export class Where {
  private readonly parts: string[] = []
  readonly params: SqlValue[] = []

  add(condition: string, ...values: SqlValue[]): this {
    this.parts.push(condition)
    this.params.push(...values)
    return this
  }

  when(condition: string, value: SqlValue | undefined): this {
    return value === undefined ? this : this.add(condition, value)
  }

  before(cursor: { t: number; id: string } | null | undefined, column: string, idColumn = 'id'): this {
    if (!cursor) return this
    return this.add(`(${column} < ? OR (${column} = ? AND ${idColumn} < ?))`, cursor.t, cursor.t, cursor.id)
  }

  get sql(): string {
    return this.parts.length ? this.parts.join(' AND ') : '1 = 1'
  }
}
