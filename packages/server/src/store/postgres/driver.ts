import pg from 'pg'
import type { Db, Params, Queryable } from '../db.js'

// BIGINT columns hold epoch milliseconds and counts, all far below 2^53: read them as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v))
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v))

const POOL_SIZE = 10
const converted = new Map<string, string>()

/** Repositories write `?` placeholders; PostgreSQL wants `$1…$n`. Cached per SQL text. */
export function toPositional(sql: string): string {
  let out = converted.get(sql)
  if (out === undefined) {
    let n = 0
    out = sql.replace(/\?/g, () => `$${++n}`)
    converted.set(sql, out)
  }
  return out
}

type Client = pg.Pool | pg.PoolClient

class PgQueryable implements Queryable {
  readonly dialect = 'postgres' as const
  constructor(protected readonly client: Client) {}

  async all<T>(sql: string, params: Params = []): Promise<T[]> {
    const res = await this.client.query(toPositional(sql), params as unknown[])
    return res.rows as T[]
  }
  async get<T>(sql: string, params: Params = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0]
  }
  async run(sql: string, params: Params = []): Promise<{ changes: number }> {
    const res = await this.client.query(toPositional(sql), params as unknown[])
    return { changes: res.rowCount ?? 0 }
  }
}

export class PostgresDb extends PgQueryable implements Db {
  private readonly pool: pg.Pool

  constructor(connectionString: string, options: { schema?: string } = {}) {
    const pool = new pg.Pool({
      connectionString,
      max: POOL_SIZE,
      options: options.schema ? `-c search_path=${options.schema}` : undefined,
    })
    super(pool)
    this.pool = pool
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect()
    try {
      await client.query('BEGIN')
      const result = await fn(new PgQueryable(client))
      await client.query('COMMIT')
      return result
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {})
      throw err
    } finally {
      client.release()
    }
  }

  async *iterate<T>(sql: string, params: Params = [], batchSize = 1000): AsyncIterable<T> {
    // A server-side cursor keeps memory flat however many rows match.
    const client = await this.pool.connect()
    const cursor = `cl_cursor_${Math.random().toString(36).slice(2)}`
    try {
      await client.query('BEGIN')
      await client.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${toPositional(sql)}`, params as unknown[])
      for (;;) {
        const res = await client.query(`FETCH ${batchSize} FROM ${cursor}`)
        for (const row of res.rows) yield row as T
        if (res.rows.length < batchSize) break
      }
      await client.query('COMMIT')
    } finally {
      await client.query('ROLLBACK').catch(() => {})
      client.release()
    }
  }

  /** Runs raw SQL with several statements (migrations). */
  async exec(sql: string): Promise<void> {
    await this.pool.query(sql)
  }

  async close(): Promise<void> {
    await this.pool.end()
  }
}
