import { AsyncLocalStorage } from 'node:async_hooks'
import Database, { type Statement } from 'better-sqlite3'
import type { Db, Params, Queryable } from '../db.js'

/** Waits this long for a lock held by another process before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5_000

function openConnection(file: string, readonly: boolean): Database.Database {
  const conn = new Database(file, { readonly, fileMustExist: readonly })
  conn.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
  if (!readonly) {
    // 16 KiB pages for a new file (an existing one keeps its own): turns of a few KB of text fit
    // several to a page, so a commit writes fewer WAL frames; about 5 % more ingest on bench/ingest.
    conn.pragma('page_size = 16384')
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

/** Most transactions that share one commit (one fsync). */
const MAX_GROUP = 64

type Pending = {
  fn: (tx: Queryable) => Promise<unknown>
  resolve(v: unknown): void
  reject(e: unknown): void
}
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown }

/**
 * better-sqlite3 is synchronous, so one writer connection is shared and transactions take
 * turns. Those that queue up while another commits are run back to back, each inside its own
 * SAVEPOINT (so one failing rolls back only itself), and then committed together: one fsync
 * for the group ("group commit"). Each caller's promise settles only after that COMMIT, so a
 * resolved transaction is durable. Reads use a second connection, which in WAL mode sees only
 * committed data and never waits for the writer.
 */
export class SqliteDb implements Db {
  readonly dialect = 'sqlite' as const
  private readonly writer: Connection
  private readonly reader: Connection
  private readonly inTransaction = new AsyncLocalStorage<true>()
  private queue: Pending[] = []
  private draining: Promise<void> | null = null

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

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    if (this.inTransaction.getStore()) {
      return Promise.reject(new Error('nested use of the Db inside a transaction: use the tx you were given'))
    }
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, resolve: resolve as (v: unknown) => void, reject })
      // setImmediate lets requests that are already readable queue up and join this group.
      this.draining ??= new Promise<void>((done) => setImmediate(() => this.drain().finally(done)))
    })
  }

  private async drain(): Promise<void> {
    while (this.queue.length) {
      const group = this.queue.splice(0, MAX_GROUP)
      const outcomes = await this.runGroup(group)
      group.forEach((p, i) => {
        const o = outcomes[i]!
        if (o.ok) p.resolve(o.value)
        else p.reject(o.error)
      })
    }
    this.draining = null
  }

  private async runGroup(group: Pending[]): Promise<Outcome[]> {
    const raw = this.writer.raw
    try {
      raw.exec('BEGIN IMMEDIATE')
    } catch (error) {
      return group.map(() => ({ ok: false, error }))
    }
    const outcomes: Outcome[] = []
    for (const p of group) {
      raw.exec('SAVEPOINT tx')
      try {
        const value = await this.inTransaction.run(true, () => p.fn(this.writer))
        raw.exec('RELEASE tx')
        outcomes.push({ ok: true, value })
      } catch (error) {
        if (!raw.inTransaction) {
          // SQLite itself rolled the whole transaction back (I/O error, disk full): nothing
          // of this group was committed, so every member fails.
          return group.map(() => ({ ok: false, error }))
        }
        raw.exec('ROLLBACK TO tx')
        raw.exec('RELEASE tx')
        outcomes.push({ ok: false, error })
      }
    }
    try {
      raw.exec('COMMIT')
    } catch (error) {
      if (raw.inTransaction) raw.exec('ROLLBACK')
      return group.map(() => ({ ok: false, error }))
    }
    return outcomes
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

  async close(): Promise<void> {
    await this.draining
    this.reader.raw.close()
    this.writer.raw.close()
  }
}
