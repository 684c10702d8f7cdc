// How long the dashboard's overview takes to show every figure and chart on a big store, in
// Debian's Chromium against a real server: from navigation to the KPIs, the seven charts and
// the significance panel on screen, with the API calls the page made. Run:
//   node --import tsx packages/web/bench/overview-load.ts
// BENCH_TRACES=1000000 (default) sizes the store (bench/query/generate.ts: 30 days, correlated
// dimensions, 30 % evaluated); BENCH_STORE=/path/chatlens.db reuses (or keeps) a store file.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generate } from '../../../bench/query/generate.js'
import { buildAllDirtyHours } from '../../server/src/analytics/index.js'
import { ensureDefaultProject } from '../../server/src/projects/index.js'
import { startServer } from '../../server/src/server.js'
import { openStore } from '../../server/src/store/index.js'
import { openBrowser } from '../test/support/browser.js'
import { ensureWebBuilt } from '../test/support/build.js'

const TRACES = Number(process.env.BENCH_TRACES ?? 1_000_000)
const RUNS = 5
const RANGES = ['24h', '7d', '30d']
const CHARTS = 7
const log = (s: string) => process.stderr.write(`${s}\n`)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const round = (x: number) => Math.round(x * 10) / 10

const keep = process.env.BENCH_STORE
const dir = keep ? null : mkdtempSync(join(tmpdir(), 'chatlens-bench-overview-'))
const file = keep ?? join(dir!, 'chatlens.db')
if (!existsSync(file)) {
  let db = await openStore(file)
  const { project } = await ensureDefaultProject(db)
  await db.close()
  let t = performance.now()
  generate(file, project.id, TRACES, Date.now())
  log(`generated ${TRACES} traces in ${round((performance.now() - t) / 1000)} s`)
  db = await openStore(file)
  t = performance.now()
  await buildAllDirtyHours(db)
  log(`built the rollups in ${round((performance.now() - t) / 1000)} s`)
  await db.close()
}

await ensureWebBuilt()
const server = await startServer({
  databaseUrl: file,
  port: 0,
  background: false,
  logger: false,
  ingestWorkers: 0,
})
const token = server.auth.mintLocalToken(server.project.id, ['read'], 'bench')
const b = await openBrowser({ width: 1366, height: 768 })
try {
  // Sign in once (and warm the asset cache, as a returning user's browser is).
  await b.page.goto(`${server.url}/?token=${token}`)
  await b.page.waitForURL(/\/overview/)
  for (const range of RANGES) {
    const totals: number[] = []
    const api = new Map<string, number[]>()
    for (let run = 0; run < RUNS; run++) {
      const t0 = performance.now()
      await b.page.goto(`${server.url}/overview?range=${range}`)
      await b.page.waitForFunction(
        (charts) =>
          document.querySelector('.page--overview[data-state=ready] .kpi') !== null &&
          document.querySelectorAll('.chart canvas').length >= charts &&
          !document.querySelector('[data-panel=signals]')?.textContent?.includes('Loading'),
        CHARTS,
        { timeout: 60_000 },
      )
      totals.push(performance.now() - t0)
      const calls = await b.page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((e) => e.name.includes('/api/'))
          .map((e) => ({ path: new URL(e.name).pathname, ms: e.duration })),
      )
      for (const c of calls) api.set(c.path, [...(api.get(c.path) ?? []), c.ms])
    }
    const apiMedians = Object.fromEntries([...api].map(([p, xs]) => [p, round(median(xs))]))
    process.stdout.write(
      `${JSON.stringify({ bench: 'overview-load', traces: TRACES, range, runs: RUNS, medianMs: round(median(totals)), minMs: round(Math.min(...totals)), maxMs: round(Math.max(...totals)), apiMedianMs: apiMedians })}\n`,
    )
  }
  if (b.errors.length) log(`console errors: ${b.errors.join(' | ')}`)
} finally {
  await b.close()
  await server.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
}
