/**
 * Lag from ingest to stored scores under the demo's load: a chatlens server in its own process,
 * the demo's traffic generator driving the reference chatbot through the SDK as fast as it can
 * (every turn evaluated by the heuristics and, on the simulated model, by the judge), then the
 * time from each job's enqueue (the ingest commit) to its completion, read from the job table.
 *
 * Run: node --import tsx bench/eval/lag.ts [--conversations 300]
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { Chatlens } from '@chatlens/sdk'
import {
  runTraffic,
  SupportChatbot,
  VirtualClock,
  withVirtualLatency,
} from '../../packages/server/src/demo/index.js'
import { createSimulatedProvider } from '../../packages/server/src/llm/index.js'
import { openStore } from '../../packages/server/src/store/index.js'

const CONVERSATIONS = Number(process.argv[process.argv.indexOf('--conversations') + 1]) || 300
const dir = mkdtempSync(join(tmpdir(), 'chatlens-bench-lag-'))
const file = join(dir, 'chatlens.db')
const child = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    join(import.meta.dirname, '../../packages/server/test/support/server-process.ts'),
    file,
  ],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, CHATLENS_LLM_BASE_URL: '', CHATLENS_LLM_API_KEY: '' },
  },
)
const line = await createInterface({ input: child.stdout })[Symbol.asyncIterator]().next()
const { url, key } = JSON.parse(line.value as string) as { url: string; key: string }
const call = (path: string, init: RequestInit = {}) =>
  fetch(url + path, {
    ...init,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
  }).then((r) => r.json())

await call('/api/v1/project/settings', {
  method: 'PUT',
  body: JSON.stringify({ evaluation: { judge: { mode: 'on', sampleRate: 1 } } }),
})
const clock = new VirtualClock(Date.now())
const chatlens = new Chatlens({ apiKey: key, baseUrl: url, clock, flushAt: 100, flushIntervalMs: 100 })
const provider = withVirtualLatency(createSimulatedProvider({ errorRate: 0.04, seed: 7 }), clock)
const chatbot = new SupportChatbot({ chatlens, provider, clock })
const started = performance.now()
const summary = await runTraffic({
  chatlens,
  chatbot,
  clock,
  conversations: CONVERSATIONS,
  users: 40,
  days: 7,
  seed: 7,
  now: Date.now(),
})
await chatlens.shutdown()
const sendSeconds = (performance.now() - started) / 1000
for (;;) {
  const s = (await call('/api/v1/evaluations/status')) as { jobs: { pending: number; running: number } }
  if (s.jobs.pending + s.jobs.running === 0) break
  await new Promise((r) => setTimeout(r, 100))
}
const drainSeconds = (performance.now() - started) / 1000
child.kill('SIGTERM')
await new Promise((r) => child.on('exit', r))

const db = await openStore(file)
const rows = await db.all<{ evaluator: string; lag: number }>(
  "SELECT evaluator, finished_at - created_at AS lag FROM eval_jobs WHERE status IN ('done', 'skipped')",
)
await db.close()
rmSync(dir, { recursive: true, force: true })

const pct = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? Number.NaN
const lanes = ['heuristics', 'judge'].map((lane) => {
  const lags = rows
    .filter((r) => (lane === 'judge') === r.evaluator.startsWith('judge:'))
    .map((r) => Number(r.lag))
    .sort((a, b) => a - b)
  return {
    lane,
    jobs: lags.length,
    p50Ms: pct(lags, 0.5),
    p95Ms: pct(lags, 0.95),
    maxMs: lags.at(-1) ?? Number.NaN,
  }
})
const result = {
  bench: 'eval-lag',
  conversations: summary.conversations,
  turns: summary.turns,
  turnsPerSecond: Math.round(summary.turns / sendSeconds),
  sendSeconds: Number(sendSeconds.toFixed(2)),
  drainedAfterSeconds: Number(drainSeconds.toFixed(2)),
  lanes,
}
console.log(`
evaluation lag: ${summary.turns} turns of ${summary.conversations} conversations sent in ${result.sendSeconds} s (${result.turnsPerSecond} turns/s), queue empty after ${result.drainedAfterSeconds} s`)
for (const l of lanes) {
  console.log(
    `  ${l.lane.padEnd(10)} ${String(l.jobs).padStart(6)} jobs   ingest→scores p50 ${l.p50Ms} ms   p95 ${l.p95Ms} ms   max ${l.maxMs} ms`,
  )
}
console.log(JSON.stringify(result))
