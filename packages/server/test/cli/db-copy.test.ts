import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildAllDirtyHours, DAY_MS, getMetrics, getOverview, HOUR_MS } from '../../src/analytics/index.js'
import { DEMO_EXPERIMENT } from '../../src/demo/index.js'
import { experimentResults } from '../../src/experiments/index.js'
import { ensureDefaultProject } from '../../src/projects/index.js'
import {
  advanceSequences,
  COPIED_TABLES,
  CopyError,
  copyStore,
  countRows,
  DERIVED_TABLES,
  listTables,
  unknownTables,
} from '../../src/store/copy.js'
import {
  type Db,
  getTrace,
  listApiKeys,
  listDatasets,
  listProjects,
  listPrompts,
  listPromptVersions,
  listRecommendations,
  listScoresFor,
  listTraceSpans,
  openStore,
} from '../../src/store/index.js'
import { backupSqlite } from '../../src/store/sqlite/backup.js'
import { ENGINES, postgres, tempDir } from '../support/engines.js'

const exec = promisify(execFile)
const CLI = join(import.meta.dirname, '../../src/cli/main.ts')
const PG_URL = process.env.CHATLENS_TEST_PG_URL

/** Runs the real CLI; a non-zero exit is returned, not thrown. */
async function chatlens(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, CHATLENS_LLM_BASE_URL: '', CHATLENS_LLM_API_KEY: '', OPENAI_API_KEY: '' }
  try {
    const r = await exec(process.execPath, ['--import', 'tsx', CLI, ...args], { timeout: 120_000, env })
    return { code: 0, ...r }
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string }
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' }
  }
}

/** An empty place to copy into: a new SQLite file, or a new PostgreSQL schema named in the URL. */
async function emptyTarget(
  engine: 'sqlite' | 'postgres',
): Promise<{ url: string; dispose(): Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = tempDir('chatlens-copy-target-')
    return { url: join(dir.path, 'chatlens.db'), dispose: async () => dir.dispose() }
  }
  const schema = `copy_${process.pid}_${Math.random().toString(36).slice(2, 10)}`
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: PG_URL })
    await c.connect()
    await c.query(sql)
    await c.end()
  }
  await admin(`CREATE SCHEMA ${schema}`)
  const options = encodeURIComponent(`-c search_path=${schema}`)
  return {
    url: `${PG_URL}${PG_URL!.includes('?') ? '&' : '?'}options=${options}`,
    dispose: () => admin(`DROP SCHEMA ${schema} CASCADE`),
  }
}

/**
 * Equal up to the rounding of floating-point sums, which engines may add in another order (a
 * variance from sums of squares turns that rounding into noise around zero, hence 1e-6).
 */
function expectSame(actual: unknown, expected: unknown, path = '$'): void {
  if (
    typeof expected === 'number' &&
    typeof actual === 'number' &&
    !(Number.isInteger(expected) && Number.isInteger(actual))
  ) {
    expect(Math.abs(actual - expected), path).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(expected)))
  } else if (expected && typeof expected === 'object' && actual && typeof actual === 'object') {
    expect(Object.keys(actual).sort(), path).toEqual(Object.keys(expected).sort())
    for (const [k, v] of Object.entries(expected))
      expectSame((actual as Record<string, unknown>)[k], v, `${path}.${k}`)
  } else expect(actual, path).toEqual(expected)
}

/** A rollup table's rows in one order on every engine, JSON parsed, without the binary sketches. */
async function rollupRows(db: Db, table: string): Promise<Record<string, unknown>[]> {
  const rows = (await db.all<Record<string, unknown>>(`SELECT * FROM ${table}`)).map((r) =>
    Object.fromEntries(
      Object.entries(r)
        .filter(([k]) => !k.endsWith('_sketch'))
        .map(([k, v]) => [k, typeof v === 'string' && /^[[{]/.test(v) ? JSON.parse(v) : v]),
    ),
  )
  const key = (r: Record<string, unknown>) =>
    JSON.stringify(
      [
        'project_id',
        'hour',
        'grain',
        'bot',
        'version',
        'variant',
        'model',
        'environment',
        'prompt_name',
        'prompt_version',
        'category',
        'error_type',
      ].map((k) => r[k]),
    )
  return rows.sort((a, b) => key(a).localeCompare(key(b)))
}

const source = tempDir('chatlens-copy-source-')
const sourceFile = join(source.path, 'chatlens.db')
beforeAll(async () => {
  const demo = await chatlens([
    'demo',
    '--data-dir',
    source.path,
    '--port',
    '0',
    '--conversations',
    '20',
    '--users',
    '6',
    '--days',
    '3',
    '--exit',
  ])
  expect(demo.code, demo.stderr).toBe(0)
}, 120_000)
afterAll(() => source.dispose())

describe.each(ENGINES.map((e) => e.name))('chatlens db copy to %s', (engine) => {
  it('copies every row, rebuilds the rollups, and the copy answers like the original', async () => {
    const target = await emptyTarget(engine)
    let from: Db | undefined
    let to: Db | undefined
    try {
      const started = performance.now()
      const r = await chatlens(['db', 'copy', '--from', sourceFile, '--to', target.url])
      expect(r.code, r.stderr).toBe(0)
      console.log(`db copy of the demo store to ${engine}: ${Math.round(performance.now() - started)} ms`)
      expect(r.stdout).toMatch(/every count matches/)
      expect(r.stdout).toMatch(/analytics_hourly +\S+ +[1-9]/)
      expect(r.stderr).toMatch(/traces +\d+\/\d+/)

      from = await openStore(sourceFile)
      to = await openStore(target.url)
      const counts = await countRows(from, COPIED_TABLES)
      expect(await countRows(to, COPIED_TABLES)).toEqual(counts)
      for (const t of [
        'traces',
        'spans',
        'scores',
        'sessions',
        'prompt_versions',
        'experiments',
        'datasets',
      ] as const)
        expect(counts[t], t).toBeGreaterThan(0)
      // Rollups are rebuilt, not copied: nothing left queued, nothing counted twice.
      expect((await countRows(to, ['analytics_dirty'])).analytics_dirty).toBe(0)

      const [project] = await listProjects(from)
      const P = project!.id
      expect(await listProjects(to)).toEqual(await listProjects(from))
      expect(await listApiKeys(to, P)).toEqual(await listApiKeys(from, P))

      // Bring the source's own rollups up to date: then both engines answer from rollups, and
      // the rebuilt ones must equal the source's row for row (none missing, none counted twice).
      await buildAllDirtyHours(from)
      for (const t of ['analytics_hourly', 'analytics_conversations_hourly'])
        expectSame(await rollupRows(to, t), await rollupRows(from, t), t)

      const now = Date.now()
      const window = { from: now - (now % HOUR_MS) - 4 * DAY_MS, to: now - (now % HOUR_MS) + HOUR_MS }
      for (const interval of ['hour', 'day'] as const) {
        const q = { window, filter: {}, interval }
        const metrics = await getMetrics(from, P, { ...q, groupBy: 'bot' })
        expect(metrics.metrics.interactions).toBeGreaterThan(0)
        expectSame(await getMetrics(to, P, { ...q, groupBy: 'bot' }), metrics)
        expectSame(await getOverview(to, P, q), await getOverview(from, P, q))
      }

      const traceId = (await from.get<{ trace_id: string }>(
        "SELECT trace_id FROM scores WHERE trace_id IS NOT NULL AND name = 'quality' ORDER BY trace_id LIMIT 1",
      ))!.trace_id
      const trace = await getTrace(to, P, traceId)
      expect(trace).toEqual(await getTrace(from, P, traceId))
      expect(await listTraceSpans(to, P, traceId)).toEqual(await listTraceSpans(from, P, traceId))
      const scores = await listScoresFor(to, P, { traceId })
      expect(scores.length).toBeGreaterThan(0)
      expect(scores).toEqual(await listScoresFor(from, P, { traceId }))

      const prompts = await listPrompts(to, P)
      expect(prompts).toEqual(await listPrompts(from, P))
      for (const p of prompts)
        expect(await listPromptVersions(to, P, p.name, { limit: 100 })).toEqual(
          await listPromptVersions(from, P, p.name, { limit: 100 }),
        )
      const results = await experimentResults(to, P, DEMO_EXPERIMENT, now)
      expectSame(results, await experimentResults(from, P, DEMO_EXPERIMENT, now))
      expect(results.recommendation.summary).toBeTruthy()
      expect(await listRecommendations(to, P, {})).toEqual(await listRecommendations(from, P, {}))
      expect(await listDatasets(to, P)).toEqual(await listDatasets(from, P))
    } finally {
      await from?.close()
      await to?.close()
      await target.dispose()
    }
  }, 120_000)

  it('refuses a target that already holds data and leaves it as it was', async () => {
    const target = await emptyTarget(engine)
    try {
      // What a server started once on the target leaves behind: a project and its admin key.
      const db = await openStore(target.url)
      await ensureDefaultProject(db)
      const before = await countRows(db, COPIED_TABLES)
      await db.close()

      const r = await chatlens(['db', 'copy', '--from', sourceFile, '--to', target.url])
      expect(r.code).not.toBe(0)
      expect(r.stderr).toMatch(
        /the target already holds data \(projects 1, api_keys 1, .*\); nothing was copied/,
      )
      expect(r.stderr).toMatch(/copy into an empty/)

      const after = await openStore(target.url)
      try {
        expect(await countRows(after, COPIED_TABLES)).toEqual(before)
      } finally {
        await after.close()
      }
    } finally {
      await target.dispose()
    }
  }, 60_000)
})

describe.each(ENGINES)('the tables of a store on $name', (engine) => {
  it('are each either copied or listed as derived', async () => {
    const t = await engine.open()
    try {
      const tables = await listTables(t.db)
      expect(unknownTables(tables)).toEqual([])
      expect(tables).toEqual([...COPIED_TABLES, ...Object.keys(DERIVED_TABLES)].sort())
    } finally {
      await t.dispose()
    }
  })

  it('a table in neither list stops the copy before it writes anything', async () => {
    const [a, b] = [await engine.open(), await engine.open()]
    try {
      await a.db.run('CREATE TABLE widgets (id TEXT PRIMARY KEY)')
      const err = await copyStore(a.db, b.db).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(CopyError)
      expect((err as Error).message).toMatch(/source has table widgets that this chatlens does not know/)
      expect(await countRows(b.db, COPIED_TABLES)).toEqual(await countRows(a.db, COPIED_TABLES))
    } finally {
      await a.dispose()
      await b.dispose()
    }
  })
})

describe.each(ENGINES)('copyStore on $name', (engine) => {
  it('rolls the whole copy back when the source changes meanwhile', async () => {
    const [a, b] = [await engine.open(), await engine.open()]
    try {
      await ensureDefaultProject(a.db)
      // A server still writing to the source: a conversation arrives once the copy is under way.
      // (On SQLite through a connection of its own, as another process would, since the copy
      // itself never yields to this one's writer queue.)
      const insert =
        "INSERT INTO sessions (project_id, id, started_at, tags, metadata, created_at, updated_at) VALUES ('p', 's', 0, '[]', '{}', 0, 0)"
      let write: Promise<unknown> | undefined
      const err = await copyStore(a.db, b.db, () => {
        if (write) return
        if (a.db.dialect === 'sqlite') {
          const other = new Database(a.url)
          other.exec(insert)
          other.close()
          write = Promise.resolve()
        } else write = a.db.run(insert)
      }).catch((e: unknown) => e)
      await write
      expect(err).toBeInstanceOf(CopyError)
      expect((err as CopyError).message).toMatch(/the source changed during the copy \(sessions\)/)
      expect((err as CopyError).counts?.find((c) => c.table === 'projects')).toMatchObject({
        copied: 1,
        target: 1,
      })
      const empty = Object.fromEntries(COPIED_TABLES.map((t) => [t, 0]))
      expect(await countRows(b.db, COPIED_TABLES)).toEqual(empty)
    } finally {
      await a.dispose()
      await b.dispose()
    }
  })
})

describe.skipIf(!PG_URL)('sequences on postgres', () => {
  it('are moved past the copied values', async () => {
    const t = await postgres.open()
    try {
      await t.db.run(
        'CREATE TABLE seq_probe (id BIGSERIAL PRIMARY KEY, n BIGINT GENERATED ALWAYS AS IDENTITY)',
      )
      await t.db.run('INSERT INTO seq_probe (id, n) OVERRIDING SYSTEM VALUE VALUES (7, 9), (3, 2)')
      await t.db.transaction((tx) => advanceSequences(tx))
      await t.db.run('INSERT INTO seq_probe DEFAULT VALUES')
      expect(await t.db.get('SELECT id, n FROM seq_probe ORDER BY id DESC LIMIT 1')).toEqual({ id: 8, n: 10 })
    } finally {
      await t.dispose()
    }
  })
})

describe('chatlens db backup', () => {
  it('writes a checked copy of the SQLite store that opens with the same rows, while a writer has it open', async () => {
    const dir = tempDir('chatlens-backup-')
    const live = await openStore(sourceFile) // as a running server would hold it
    try {
      const dest = join(dir.path, 'backup.db')
      const r = await chatlens(['db', 'backup', '--from', sourceFile, '--to', dest])
      expect(r.code, r.stderr).toBe(0)
      expect(r.stdout).toMatch(/backed up [\d,]+ traces, .* integrity check ok/)
      const copy = await openStore(dest)
      try {
        const tables = [...COPIED_TABLES]
        expect(await countRows(copy, tables)).toEqual(await countRows(live, tables))
      } finally {
        await copy.close()
      }
      // A second backup to the same file is refused and leaves it as it was.
      const again = await chatlens(['db', 'backup', '--from', sourceFile, '--to', dest])
      expect(again.code).not.toBe(0)
      expect(again.stderr).toMatch(/already exists; nothing was written/)
    } finally {
      await live.close()
      dir.dispose()
    }
  })

  it('copies the state of one instant even when a commit lands during the backup', async () => {
    const dir = tempDir('chatlens-backup-')
    const dest = join(dir.path, 'backup.db')
    const writer = new Database(sourceFile)
    let wrote = false
    try {
      // One page per step: the commit lands between steps, while pages are still to copy.
      const r = await backupSqlite(sourceFile, dest, {
        pagesPerStep: 1,
        onProgress(done, total) {
          if (wrote || done === 0 || done >= total) return
          writer.exec(
            "INSERT INTO sessions (project_id, id, started_at, tags, metadata, created_at, updated_at) VALUES ('p', 'during-backup', 0, '[]', '{}', 0, 0)",
          )
          wrote = true
        },
      })
      expect(wrote).toBe(true)
      expect(r.check).toBe('ok')
      const copy = new Database(dest, { readonly: true })
      const n = (db: Database.Database) =>
        (db.prepare("SELECT COUNT(*) AS n FROM sessions WHERE id = 'during-backup'").get() as { n: number }).n
      // The backup restarted on the commit, so it holds the new row like the source does.
      expect(n(copy)).toBe(n(writer))
      copy.close()
    } finally {
      writer.exec("DELETE FROM sessions WHERE id = 'during-backup'")
      writer.close()
      dir.dispose()
    }
  })

  it('points a PostgreSQL store to pg_dump', async () => {
    const r = await chatlens([
      'db',
      'backup',
      '--from',
      'postgres://user@127.0.0.1:5432/chatlens',
      '--to',
      'x.db',
    ])
    expect(r.code).not.toBe(0)
    expect(r.stderr).toMatch(/pg_dump/)
  })
})
