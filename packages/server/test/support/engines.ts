import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { type Db, openStore } from '../../src/store/index.js'

/**
 * The engines every store test runs against: SQLite always, PostgreSQL when
 * CHATLENS_TEST_PG_URL is set (CI sets it; CI=true without it is an error, so a green CI
 * always means both ran). CHATLENS_TEST_ENGINES=sqlite narrows the list.
 */
export type Engine = { name: 'sqlite' | 'postgres'; open(): Promise<TestDb> }
export type TestDb = { db: Db; url: string; schema?: string; dispose(): Promise<void> }

const PG_URL = process.env.CHATLENS_TEST_PG_URL
if (process.env.CI === 'true' && !PG_URL) {
  throw new Error('CI=true but CHATLENS_TEST_PG_URL is not set: the PostgreSQL store tests must run in CI')
}

export function tempDir(prefix = 'chatlens-test-'): { path: string; dispose(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix))
  return { path, dispose: () => rmSync(path, { recursive: true, force: true }) }
}

export const sqlite: Engine = {
  name: 'sqlite',
  async open() {
    const dir = tempDir()
    const url = join(dir.path, 'chatlens.db')
    const db = await openStore(url)
    return {
      db,
      url,
      dispose: async () => {
        await db.close()
        dir.dispose()
      },
    }
  },
}

export const postgres: Engine = {
  name: 'postgres',
  async open() {
    const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`
    const admin = new pg.Client({ connectionString: PG_URL })
    await admin.connect()
    await admin.query(`CREATE SCHEMA ${schema}`)
    await admin.end()
    const db = await openStore(PG_URL!, { schema })
    return {
      db,
      url: PG_URL!,
      schema,
      dispose: async () => {
        await db.close()
        const c = new pg.Client({ connectionString: PG_URL })
        await c.connect()
        await c.query(`DROP SCHEMA ${schema} CASCADE`)
        await c.end()
      },
    }
  },
}

const wanted = process.env.CHATLENS_TEST_ENGINES?.split(',')
export const ENGINES: Engine[] = [sqlite, ...(PG_URL ? [postgres] : [])].filter(
  (e) => !wanted || wanted.includes(e.name),
)
