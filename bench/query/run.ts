// bench/query: the dashboard overview (KPIs against the previous window, p95 latency, the 24 h
// hourly series with anomaly flags) at growing store sizes on embedded SQLite, and the export of
// 1M interactions with its memory. Run: node --import tsx bench/query/run.ts
// BENCH_SIZES=100000,1000000,3000000 (default) picks the sizes; BENCH_KEEP=1 keeps the files.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  buildAllDirtyHours,
  getMetrics,
  getOverview,
  resolveWindow,
} from '../../packages/server/src/analytics/index.js'
import { ensureDefaultProject } from '../../packages/server/src/projects/index.js'
import { openStore } from '../../packages/server/src/store/index.js'
import { generate, SPAN_DAYS } from './generate.js'
import { median, round, timeIt } from './measure.js'

const SIZES = (process.env.BENCH_SIZES ?? '100000,1000000,3000000').split(',').map(Number)
const EXPORT_AT = Number(process.env.BENCH_EXPORT_AT ?? 1_000_000)
const HOUR = 3_600_000
const DAY = 86_400_000

type Result = Record<string, unknown> & { traces: number; overviewMs: number }
const results: Result[] = []

for (const traces of SIZES) {
  const dir = mkdtempSync(join(tmpdir(), 'chatlens-bench-query-'))
  const file = join(dir, 'chatlens.db')
  const now = Date.now()
  let db = await openStore(file)
  const { project } = await ensureDefaultProject(db)
  await db.close()

  let t = performance.now()
  const { sessions, scores } = generate(file, project.id, traces, now)
  const generateS = (performance.now() - t) / 1000
  process.stderr.write(
    `[${traces}] generated ${traces} traces, ${sessions} sessions, ${scores} scores in ${round(generateS)} s\n`,
  )

  db = await openStore(file)
  t = performance.now()
  const hoursBuilt = await buildAllDirtyHours(db)
  const buildS = (performance.now() - t) / 1000
  const rollupRows = Number((await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM analytics_hourly'))!.n)
  process.stderr.write(
    `[${traces}] built ${hoursBuilt} rollup hours (${rollupRows} rows) in ${round(buildS)} s\n`,
  )

  const day = { window: resolveWindow({ window: DAY }, now), filter: {}, interval: 'hour' as const }
  const month = {
    window: resolveWindow({ window: SPAN_DAYS * DAY }, now, 'day'),
    filter: {},
    interval: 'day' as const,
  }
  const overview = await timeIt(() => getOverview(db, project.id, day))
  const metrics24h = await timeIt(() => getMetrics(db, project.id, day))
  const overview30d = await timeIt(() => getOverview(db, project.id, month), 3)
  const filtered = await timeIt(() =>
    getOverview(db, project.id, { ...day, filter: { bot: 'support', model: 'gpt-4o' } }),
  )
  // Tags are many per trace, so a tag filter reads the raw rows of the window.
  const byTag = await timeIt(() => getOverview(db, project.id, { ...day, filter: { tag: 'vip' } }), 3)
  const week = { window: resolveWindow({ window: 7 * DAY }, now, 'day'), interval: 'day' as const }
  const byTag7d = await timeIt(() => getOverview(db, project.id, { ...week, filter: { tag: 'vip' } }), 3)
  // A live server always has the current hour queued (ingest keeps touching it): read raw.
  const currentHour = now - (now % HOUR)
  await db.run('INSERT OR IGNORE INTO analytics_dirty (project_id, hour) VALUES (?, ?)', [
    project.id,
    currentHour,
  ])
  const lastHourTraces = Number(
    (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM traces WHERE timestamp >= ?', [currentHour]))!.n,
  )
  const overviewDirty = await timeIt(() => getOverview(db, project.id, day))
  const byUser = await timeIt(() => getMetrics(db, project.id, { ...day, groupBy: 'user' }), 3)
  const check = await getOverview(db, project.id, day)
  const direct = Number(
    (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM traces WHERE timestamp >= ? AND timestamp < ?', [
      day.window.from,
      day.window.to,
    ]))!.n,
  )
  if (check.metrics.interactions !== direct)
    throw new Error(`overview counted ${check.metrics.interactions}, SQL ${direct}`)
  await db.close()

  let exported: unknown = null
  if (traces === EXPORT_AT) {
    process.stderr.write(`[${traces}] exporting every interaction as CSV in a child process…\n`)
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'export-child.ts'), file, project.id, 'csv'],
      { maxBuffer: 1 << 24 },
    )
    exported = JSON.parse(out.toString())
  }
  const result: Result = {
    traces,
    sessions,
    scores,
    tracesPerHour: Math.round(traces / (SPAN_DAYS * 24)),
    dbMb: round(statSync(file).size / 1048576, 0),
    generateS: round(generateS),
    rollupBuildS: round(buildS),
    rollupRows,
    rollupRowsPer24h: Math.round((rollupRows / (SPAN_DAYS * 24)) * 24),
    overviewMs: round(median(overview)),
    overviewMinMs: round(overview[0]!),
    overviewDirtyHourMs: round(median(overviewDirty)),
    lastHourTraces,
    overviewFilteredMs: round(median(filtered)),
    overviewTagFilteredMs: round(median(byTag)),
    overviewTagFiltered7dMs: round(median(byTag7d)),
    metrics24hMs: round(median(metrics24h)),
    overview30dDailyMs: round(median(overview30d)),
    groupByUser24hMs: round(median(byUser)),
    exported,
  }
  results.push(result)
  process.stderr.write(`[${traces}] ${JSON.stringify(result)}\n`)
  if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true })
  else process.stderr.write(`kept ${file}\n`)
}

const line = (cells: (string | number)[], widths: number[]) =>
  cells.map((c, i) => String(c).padStart(widths[i]!)).join('  ')
const header = [
  'traces',
  'rollup rows/24h',
  'overview ms',
  'vs previous',
  'dirty-hour ms',
  '30 d daily ms',
  'by tag ms',
  'tag 7 d ms',
  'by user ms',
  'build s',
]
const widths = header.map((h) => Math.max(h.length, 10))
console.log(
  `\nquery: dashboard overview (KPIs vs previous 24 h, p95, 24 h hourly series + anomaly flags), median of 7 warm runs, SQLite, ${SPAN_DAYS} days of data\n`,
)
console.log(line(header, widths))
results.forEach((r, i) => {
  const prev = results[i - 1]
  const growth = prev
    ? `×${round(r.overviewMs / prev.overviewMs, 2)} for ×${round(r.traces / prev.traces, 1)}`
    : '–'
  console.log(
    line(
      [
        r.traces.toLocaleString('en'),
        r.rollupRowsPer24h as number,
        r.overviewMs,
        growth,
        r.overviewDirtyHourMs as number,
        r.overview30dDailyMs as number,
        r.overviewTagFilteredMs as number,
        r.overviewTagFiltered7dMs as number,
        r.groupByUser24hMs as number,
        r.rollupBuildS as number,
      ],
      widths,
    ),
  )
})
const ex = results.find((r) => r.exported)?.exported as
  | {
      rows: number
      seconds: number
      baselineRssMb: number
      peakRssMb: number
      megabytes: number
      samples: { rows: number; rssMb: number; heapMb: number }[]
    }
  | undefined
if (ex) {
  console.log(
    `\nexport: ${ex.rows.toLocaleString('en')} rows as CSV (${ex.megabytes} MB) in ${ex.seconds} s; RSS ${ex.baselineRssMb} MB before, peak ${ex.peakRssMb} MB`,
  )
  console.log(
    `  RSS / JS heap (MB) while streaming: ${ex.samples.map((s) => `${Math.round(s.rows / 1000)}k ${s.rssMb}/${s.heapMb}`).join(', ')}`,
  )
}
console.log(JSON.stringify({ bench: 'query', spanDays: SPAN_DAYS, results }))
