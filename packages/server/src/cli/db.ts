import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Command } from 'commander'
import { z } from 'zod'
import { DEFAULT_DATA_DIR, describeStore } from '../config.js'
import { table } from '../experiments/index.js'
import {
  COPIED_TABLES,
  CopyError,
  copyStore,
  countRows,
  DERIVED_TABLES,
  type DerivedTable,
  type TableCount,
} from '../store/copy.js'
import { type Db, openStore } from '../store/index.js'
import { backupSqlite } from '../store/sqlite/backup.js'
import { bold, dim, fail, green } from './output.js'
import { type Progress, progressBar } from './progress.js'
import { parseFlags, refreshRollups } from './with-store.js'

const BackupFlags = z.object({
  from: z.string().min(1, 'the SQLite file of the store'),
  to: z.string().min(1, 'a new file to write'),
})

const CopyFlags = z.object({
  from: z.string().min(1, 'a SQLite file or postgres://… URL'),
  to: z.string().min(1, 'a postgres://… URL'),
})

/** The SQLite file chatlens uses when no --data-dir or --database-url is given. */
const defaultSource = () => join(process.env.CHATLENS_DATA_DIR ?? DEFAULT_DATA_DIR, 'chatlens.db')
/** The file of a SQLite store, null for PostgreSQL (as describeStore names them). */
const sqliteFile = (url: string) => /^sqlite (.*)$/.exec(describeStore(url))?.[1] ?? null
const isPostgres = (url: string) => sqliteFile(url) === null

/** Opens (and migrates) one side of the copy, or stops with what to check. */
async function open(url: string, role: 'source' | 'target'): Promise<Db> {
  const file = sqliteFile(url)
  if (role === 'source' && file !== null && !existsSync(file))
    fail(
      `no chatlens store at ${file}`,
      'pass --from <file>: the chatlens.db in the data dir (default ./.chatlens)',
    )
  try {
    return await openStore(url)
  } catch (err) {
    fail(
      `cannot open the ${role} (${describeStore(url)}): ${(err as Error).message}`,
      isPostgres(url)
        ? `check that PostgreSQL is running and the URL is right; create the database first (createdb ${(URL.canParse(url) && new URL(url).pathname.slice(1)) || 'chatlens'})`
        : undefined,
    )
  }
}

/** One progress bar per table on stderr, started when the copy reaches the table. */
function tableProgress() {
  let current: { table: string; bar: Progress } | undefined
  const width = Math.max(...COPIED_TABLES.map((t) => t.length))
  return {
    update(name: string, copied: number, total: number) {
      if (current?.table !== name) {
        current?.bar.stop()
        current = total
          ? { table: name, bar: progressBar(name.padEnd(width), total, process.stderr) }
          : undefined
      }
      current?.bar.update(copied)
    },
    stop: () => current?.bar.stop(),
  }
}

/** The per-table counts, source against target, with what was rebuilt rather than copied. */
function printSummary(
  counts: readonly TableCount[],
  derived?: Record<'source' | 'target', Record<DerivedTable, number>>,
) {
  const n = (x: number) => x.toLocaleString('en')
  const rows = counts.map((c) => [
    c.table,
    n(c.source),
    n(c.target),
    c.source === c.copied && c.copied === c.target ? 'ok' : `differs (${n(c.copied)} written)`,
  ])
  if (derived)
    for (const [t, how] of Object.entries(DERIVED_TABLES) as [DerivedTable, string][])
      rows.push([t, n(derived.source[t]), n(derived.target[t]), how])
  for (const line of table(['table', 'source', 'target', ''], rows)) process.stdout.write(`${line}\n`)
}

async function copy(raw: Record<string, unknown>) {
  const { from, to } = parseFlags(CopyFlags, raw)
  if (describeStore(from) === describeStore(to)) fail('--from and --to are the same store')
  const source = await open(from, 'source')
  const target = await open(to, 'target')
  try {
    process.stderr.write(dim(`  copying ${describeStore(from)} to ${describeStore(to)}\n`))
    const started = performance.now()
    const progress = tableProgress()
    let counts: TableCount[]
    try {
      counts = await copyStore(source, target, progress.update)
    } catch (err) {
      progress.stop()
      if (!(err instanceof CopyError)) throw err
      if (err.counts) printSummary(err.counts)
      fail(err.message, err.hint)
    }
    progress.stop()
    try {
      await refreshRollups(target)
    } catch (err) {
      fail(
        `the rows were copied, but rebuilding the analytics rollups failed: ${(err as Error).message}`,
        'the hours stay queued on the target; chatlens serve rebuilds them when it starts',
      )
    }
    const seconds = (performance.now() - started) / 1000
    const tables = Object.keys(DERIVED_TABLES) as DerivedTable[]
    printSummary(counts, { source: await countRows(source, tables), target: await countRows(target, tables) })
    const rows = counts.reduce((s, c) => s + c.target, 0)
    process.stdout.write(
      `${green('copied')} ${rows.toLocaleString('en')} rows of ${counts.length} tables in ${seconds.toFixed(1)} s; every count matches\n`,
    )
    process.stdout.write(
      `${dim('next:')} start the server on the copy with ${bold(`chatlens serve --database-url ${isPostgres(to) ? '<the --to URL>' : to}`)}\n`,
    )
  } finally {
    await source.close()
    await target.close()
  }
}

async function backup(raw: Record<string, unknown>) {
  const { from, to } = parseFlags(BackupFlags, raw)
  const file = sqliteFile(from)
  if (file === null)
    fail(
      'chatlens db backup copies a SQLite store; this one is PostgreSQL',
      `back it up with PostgreSQL's own tools: pg_dump --format=custom --file=chatlens.dump '<the URL>'`,
    )
  if (!existsSync(file))
    fail(`no chatlens store at ${file}`, 'pass --from <file>: the chatlens.db in the data dir')
  const dest = sqliteFile(to) ?? to
  if (existsSync(dest))
    fail(`${dest} already exists; nothing was written`, 'choose a new file name for the backup')
  process.stderr.write(dim(`  backing up ${file} to ${dest} (the server may keep running)\n`))
  const started = performance.now()
  let bar: Progress | undefined
  try {
    const r = await backupSqlite(file, dest, {
      onProgress(done, total) {
        bar ??= progressBar('pages', total, process.stderr)
        bar.update(done)
      },
    })
    bar?.stop()
    if (r.check !== 'ok') fail(`the backup at ${dest} failed its check: ${r.check}`, 'run the backup again')
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    process.stdout.write(
      `${green('backed up')} ${r.traces.toLocaleString('en')} traces, ${(r.bytes / 1048576).toFixed(1)} MB in ${seconds} s to ${dest}; integrity check ok\n`,
    )
    process.stdout.write(
      `${dim('restore:')} stop the server and start it with ${bold(`--data-dir <a folder holding this file as chatlens.db>`)}\n`,
    )
  } catch (err) {
    bar?.stop()
    fail(
      `the backup failed: ${(err as Error).message}`,
      `remove ${dest} if it was created, then run it again`,
    )
  }
}

/** `chatlens db copy`: moves a store to another engine, e.g. from the SQLite file to PostgreSQL. */
export function registerDb(program: Command) {
  const db = program
    .command('db')
    .description('back up a chatlens store, or move it, e.g. from SQLite to PostgreSQL')
  db.command('copy')
    .description(
      'copy every row of a store into an empty one (stop the server first), check the counts and rebuild the analytics rollups',
    )
    .option('--from <file or url>', 'the store to read: a SQLite file or postgres://…', defaultSource())
    .requiredOption('--to <url>', 'the empty store to fill: postgres://user:password@host:5432/db')
    .action(copy)
  db.command('backup')
    .description('write a consistent copy of the SQLite store to a new file, while the server keeps running')
    .option('--from <file>', 'the SQLite file of the store', defaultSource())
    .requiredOption('--to <file>', 'the new file to write, e.g. backups/chatlens-2026-11-23.db')
    .action(backup)
}
