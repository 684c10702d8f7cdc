// bench/ingest: spans per second stored through the HTTP batch API, against the raw
// better-sqlite3 insert rate of the same rows. Run: npm run bench -- ingest
// BENCH_DATABASE_URL=postgres://… stores into PostgreSQL instead of a fresh SQLite file (the raw
// figure stays SQLite's); the database may hold data, only this run's spans are counted.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { openStore } from '../../packages/server/src/store/index.js'
import { rawInsertRate } from './raw.js'
import { makeBatches } from './spans.js'

/** CPU time of a process so far, in ms (Linux /proc; utime + stime in clock ticks of 10 ms). */
function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

const BATCH_SIZE = 500
const BATCHES = Number(process.env.BENCH_BATCHES ?? 200)
// Requests in flight: several app instances (or SDK clients) sending at once, as in production.
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8)
const WARMUP_BATCHES = 10

const dir = mkdtempSync(join(tmpdir(), 'chatlens-bench-ingest-'))
const file = join(dir, 'http.db')
const databaseUrl = process.env.BENCH_DATABASE_URL ?? file
const countSpans = async () => {
  const db = await openStore(databaseUrl)
  try {
    return Number((await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM spans'))?.n ?? 0)
  } finally {
    await db.close()
  }
}
const spansBefore = await countSpans()
const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []
const child = spawn(
  process.execPath,
  [...profile, '--import', 'tsx', join(import.meta.dirname, 'server.ts'), databaseUrl],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
)
const { url, key } = JSON.parse(
  await createInterface({ input: child.stdout })
    [Symbol.asyncIterator]()
    .next()
    .then((r) => r.value),
)

const bodies = makeBatches(BATCHES + WARMUP_BATCHES, BATCH_SIZE).map((b) => JSON.stringify(b))
const avgSpanBytes = Math.round(bodies[0]!.length / BATCH_SIZE)

async function post(body: string) {
  const res = await fetch(`${url}/api/v1/ingest`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body,
  })
  const out = (await res.json()) as { successes: unknown[]; errors: unknown[] }
  if (res.status !== 207 || out.errors.length)
    throw new Error(`ingest failed: ${res.status} ${JSON.stringify(out).slice(0, 300)}`)
}

for (const body of bodies.slice(0, WARMUP_BATCHES)) await post(body)
const queue = bodies.slice(WARMUP_BATCHES)
const latencies: number[] = []
const serverCpuStart = processCpuMs(child.pid!)
const clientCpuStart = process.cpuUsage()
const t0 = performance.now()
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    for (let body = queue.shift(); body; body = queue.shift()) {
      const t = performance.now()
      await post(body)
      latencies.push(performance.now() - t)
    }
  }),
)
const httpSeconds = (performance.now() - t0) / 1000
const serverCpu = (processCpuMs(child.pid!) - serverCpuStart) / 1000 / httpSeconds
const clientUsage = process.cpuUsage(clientCpuStart)
const clientCpu = (clientUsage.user + clientUsage.system) / 1e6 / httpSeconds
child.kill('SIGTERM')
await new Promise((r) => child.on('exit', r))

const stored = (await countSpans()) - spansBefore
const expected = (BATCHES + WARMUP_BATCHES) * BATCH_SIZE
if (stored !== expected) throw new Error(`stored ${stored} spans, expected ${expected}`)

const httpRate = (BATCHES * BATCH_SIZE) / httpSeconds
const rawEvents = makeBatches(BATCHES, BATCH_SIZE).flatMap((b) => b.batch)
const rawRate = await rawInsertRate(join(dir, 'raw.db'), rawEvents)
rmSync(dir, { recursive: true, force: true })

latencies.sort((a, b) => a - b)
const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!
const result = {
  bench: 'ingest',
  store: databaseUrl.startsWith('postgres') ? 'PostgreSQL' : 'SQLite',
  spans: BATCHES * BATCH_SIZE,
  batchSize: BATCH_SIZE,
  concurrency: CONCURRENCY,
  avgSpanBytes,
  httpSpansPerSecond: Math.round(httpRate),
  rawSpansPerSecond: Math.round(rawRate),
  httpShareOfRaw: Number((httpRate / rawRate).toFixed(3)),
  batchLatencyMsP50: Number(p(0.5).toFixed(1)),
  batchLatencyMsP99: Number(p(0.99).toFixed(1)),
  serverCpuCores: Number(serverCpu.toFixed(2)),
  clientCpuCores: Number(clientCpu.toFixed(2)),
}
console.log(`
ingest: ${result.spans} spans of ~${avgSpanBytes} B in batches of ${BATCH_SIZE}, ${CONCURRENCY} requests in flight, into ${result.store}
  HTTP batch API      ${result.httpSpansPerSecond.toLocaleString('en')} spans/s  (batch p50 ${result.batchLatencyMsP50} ms, p99 ${result.batchLatencyMsP99} ms)
  raw better-sqlite3  ${result.rawSpansPerSecond.toLocaleString('en')} spans/s  (one transaction, prepared insert)
  HTTP / raw          ${(result.httpShareOfRaw * 100).toFixed(1)} %
  CPU while sending   server ${result.serverCpuCores} cores, load generator ${result.clientCpuCores} cores
`)
console.log(JSON.stringify(result))
