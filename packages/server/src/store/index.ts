import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { Db } from './db.js'
import { migrate } from './migrate.js'
import { PostgresDb } from './postgres/driver.js'
import { SqliteDb } from './sqlite/driver.js'

export type { Db, Dialect, Params, Queryable, SqlValue } from './db.js'
export { migrate } from './migrate.js'
export * from './repos/index.js'

export type StoreOptions = {
  /** A PostgreSQL schema to use (tests give each suite its own). */
  schema?: string
}

/**
 * Opens the store at `url` and brings its schema up to date.
 * `postgres://…` / `postgresql://…` selects PostgreSQL; anything else is a SQLite file path
 * (optionally written `sqlite:path`).
 */
export async function openStore(url: string, options: StoreOptions = {}): Promise<Db> {
  const db = createDb(url, options)
  try {
    await migrate(db)
  } catch (err) {
    await db.close()
    throw err
  }
  return db
}

export function createDb(url: string, options: StoreOptions = {}): Db {
  if (/^postgres(ql)?:\/\//.test(url)) return new PostgresDb(url, options)
  const file = resolve(url.replace(/^sqlite:(\/\/)?/, ''))
  mkdirSync(dirname(file), { recursive: true })
  return new SqliteDb(file)
}
