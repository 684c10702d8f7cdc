import { AsyncLocalStorage } from 'node:async_hooks'
import Database, { type Statement } from 'better-sqlite3'
import type { Db, Params, Queryable } from '../db.js'
import { Mutex } from '../mutex.js'

/** Waits this long for a lock held by another process before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5_000

function openConnection(file: string, readonly: boolean): Database.Database {
  const conn = new Database(file, { readonly, fileMustExist: readonly })
  conn.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
  if (!readonly) {
    conn.pragma('journal_mode = WAL')
    // FULL: a committed transaction survives power loss too; ingest acknowledges only after it.
    conn.pragma('synchronous = FULL')
  }
  conn.pragma('temp_store = MEMORY')
  conn.pragma('cache_size = -65536')
  conn.pragma('mmap_size = 268435456')
  conn.defaultSafeIntegers(false)
  return conn
}

class Connection implements Queryable {
  readonly dialect = 'sqlite' as const
  private readonly statements = new Map<string, Statement>()
  constructor(readonly raw: Database.Database) {}

  statement(sql: string): Statement {
    let stmt = this.statements.get(sql)
    if (!stmt) {
      stmt = this.raw.prepare(sql)
      this.statements.set(sql, stmt)
    }
    return stmt
  }
  async all<T>(sql: string, params: Params = []): Promise<T[]> {
    return this.statement(sql).all(...params) as T[]
  }
  async get<T>(sql: string, params: Params = []): Promise<T | undefined> {
    return this.statement(sql).get(...params) as T | undefined
  }
  async run(sql: string, params: Params = []): Promise<{ changes: number }> {
    const stmt = this.statement(sql)
    if (stmt.reader) return { changes: stmt.all(...params).length }
    return { changes: stmt.run(...params).changes }
  }
}

/**
 * better-sqlite3 is synchronous, so one writer connection is shared: writes and transactions
 * take turns through a mutex. Reads use a second connection, which in WAL mode sees only
 * committed data and never waits for the writer.
 */
export class SqliteDb implements Db {
  readonly dialect = 'sqlite' as const
  private readonly writer: Connection
  private readonly reader: Connection
  private readonly lock = new Mutex()
  private readonly inTransaction = new AsyncLocalStorage<true>()

  constructor(readonly file: string) {
    this.writer = new Connection(openConnection(file, false))
    this.reader = new Connection(openConnection(file, true))
  }

  all<T>(sql: string, params?: Params): Promise<T[]> {
    return this.reader.all<T>(sql, params)
  }
  get<T>(sql: string, params?: Params): Promise<T | undefined> {
    return this.reader.get<T>(sql, params)
  }
  run(sql: string, params?: Params): Promise<{ changes: number }> {
    return this.transaction((tx) => tx.run(sql, params))
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    if (this.inTransaction.getStore()) {
      throw new Error('nested use of the Db inside a transaction: use the tx you were given')
    }
    const release = await this.lock.acquire()
    const raw = this.writer.raw
    try {
      raw.exec('BEGIN IMMEDIATE')
      try {
        const result = await this.inTransaction.run(true, () => fn(this.writer))
        raw.exec('COMMIT')
        return result
      } catch (err) {
        if (raw.inTransaction) raw.exec('ROLLBACK')
        throw err
      }
    } finally {
      release()
    }
  }

  async *iterate<T>(sql: string, params: Params = []): AsyncIterable<T> {
    // A dedicated read connection: iterating keeps its statement busy for the whole stream.
    const conn = openConnection(this.file, true)
    try {
      for (const row of conn.prepare(sql).iterate(...params)) yield row as T
    } finally {
      conn.close()
    }
  }

  /** Runs raw SQL with several statements (migrations). */
  exec(sql: string): void {
    this.writer.raw.exec(sql)
  }

  async close(): Promise<void> {
    const release = await this.lock.acquire()
    try {
      this.reader.raw.close()
      this.writer.raw.close()
    } finally {
      release()
    }
  }
}
