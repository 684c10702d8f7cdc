// bench/experiments: time to compute an experiment's results (GET /api/v1/experiments/KEY/results)
// as its traffic grows, on embedded SQLite. Run: npm run bench -- experiments
// BENCH_UNITS=5000,50000 (default) picks the numbers of users; each has 1–3 turns with scores,
// feedback on about a third of them, and a conversation end.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApiKey } from '../../packages/server/src/projects/index.js'
import { startServer } from '../../packages/server/src/server.js'
import { experimentTraffic } from '../../packages/server/test/experiments/traffic.js'
import { median, round, timeIt } from '../query/measure.js'

const UNITS = (process.env.BENCH_UNITS ?? '5000,50000').split(',').map(Number)
const ROUNDS = 7
const variants = [
  { key: 'control', weight: 1 },
  { key: 'warm', weight: 1 },
]
const results = []

for (const units of UNITS) {
  const dir = mkdtempSync(join(tmpdir(), 'chatlens-bench-experiments-'))
  const server = await startServer({ databaseUrl: join(dir, 'chatlens.db'), port: 0, background: false })
  const { secret } = await createApiKey(server.db, server.project.id, { scopes: ['admin'] })
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(server.url + path, {
      method,
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
    return res.json() as Promise<any>
  }
  const created = await call('POST', '/api/v1/experiments', {
    key: 'bench',
    variants,
    unit: 'user',
    primaryMetric: 'score:quality:heuristic',
    start: true,
  })
  const events = experimentTraffic({
    key: 'bench',
    seed: created.seed,
    variants,
    units,
    behaviour: { warm: { quality: 0.02 } },
  })
  for (let i = 0; i < events.length; i += 1000) {
    await call('POST', '/api/v1/ingest', { batch: events.slice(i, i + 1000) })
    const done = Math.min(i + 1000, events.length)
    if (done % 25_000 === 0 || done === events.length)
      process.stderr.write(`\r[${units} users] ingested ${done}/${events.length} events`)
  }
  process.stderr.write('\n')
  let exposures = 0
  const times = await timeIt(async () => {
    const r = await call('GET', '/api/v1/experiments/bench/results')
    exposures = r.variants.reduce((n: number, v: { traces: number }) => n + v.traces, 0)
  }, ROUNDS)
  await server.close()
  rmSync(dir, { recursive: true, force: true })
  const row = { users: units, exposures, events: events.length, resultsMsMedian: round(median(times)) }
  results.push(row)
  console.log(
    `${units} users, ${exposures} exposed turns: results in ${row.resultsMsMedian} ms (median of ${ROUNDS})`,
  )
}
console.log(JSON.stringify({ bench: 'experiments', results }))
