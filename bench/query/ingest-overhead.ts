// What the analytics triggers cost ingestion: the same batches (traces with sessions, spans,
// scores and feedback) stored through the ingest service into two fresh SQLite stores, one with
// the triggers that queue stale rollup hours and one without. Run:
//   node --import tsx bench/query/ingest-overhead.ts     (BENCH_BATCHES=60 by default)
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ingestBatch, noHooks } from '../../packages/server/src/ingest/index.js'
import { createPricer } from '../../packages/server/src/ingest/pricer.js'
import { newId } from '../../packages/server/src/model/ids.js'
import { openStore } from '../../packages/server/src/store/index.js'
import { round } from './measure.js'

const BATCHES = Number(process.env.BENCH_BATCHES ?? 60)
const BATCH_SIZE = 500
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)

function batches(seed: number) {
  const t0 = Date.now() - 86_400_000
  return Array.from({ length: BATCHES }, (_, b) => {
    const events: unknown[] = []
    while (events.length < BATCH_SIZE) {
      const traceId = newId()
      const at = t0 + (b * BATCH_SIZE + events.length) * 1000
      const session = `s-${seed}-${b}-${events.length % 7}`
      events.push(
        { id: newId(), type: 'trace-create', body: { id: traceId, timestamp: at, bot: 'support', sessionId: session, userId: 'u1', model: 'gpt-4o-mini', inputTokens: 90, outputTokens: 140, latencyMs: 900, input: 'Where is my order?', output: 'It ships tomorrow.' } },
        { id: newId(), type: 'span-create', body: { traceId, kind: 'generation', startTime: at, endTime: at + 900, model: 'gpt-4o-mini', inputTokens: 90, outputTokens: 140 } },
        { id: newId(), type: 'score-create', body: { traceId, name: 'quality', value: 0.8 } },
        { id: newId(), type: 'score-create', body: { traceId, name: 'relevance', value: 0.7 } },
        { id: newId(), type: 'feedback-create', body: { traceId, thumbs: 'up' } },
      ) // biome-ignore format: events
    }
    return events
  })
}

async function rate(triggers: boolean, seed: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'chatlens-bench-triggers-'))
  const db = await openStore(join(dir, 'chatlens.db'))
  if (!triggers) {
    for (const t of await db.all<{ name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'analytics_%'",
    )) {
      await db.run(`DROP TRIGGER ${t.name}`)
    }
  }
  const ctx = { projectId: 'p', pricer: createPricer(), hooks: noHooks() }
  const work = batches(seed)
  const t = performance.now()
  for (const b of work) await ingestBatch(db, ctx, b)
  const seconds = (performance.now() - t) / 1000
  await db.close()
  rmSync(dir, { recursive: true, force: true })
  return (BATCHES * BATCH_SIZE) / seconds
}

const withT: number[] = []
const without: number[] = []
for (let r = 0; r < ROUNDS; r++) {
  without.push(await rate(false, r))
  withT.push(await rate(true, r))
}
const best = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const result = {
  bench: 'ingest-overhead',
  events: BATCHES * BATCH_SIZE,
  eventsPerSecondWithoutTriggers: Math.round(best(without)),
  eventsPerSecondWithTriggers: Math.round(best(withT)),
  overheadPct: round((best(without) / best(withT) - 1) * 100),
}
console.log(`\ningest through the service, ${result.events} events (traces, spans, scores, feedback) in batches of ${BATCH_SIZE}, median of ${ROUNDS} alternating runs:
  without analytics triggers  ${result.eventsPerSecondWithoutTriggers.toLocaleString('en')} events/s
  with analytics triggers     ${result.eventsPerSecondWithTriggers.toLocaleString('en')} events/s  (${result.overheadPct >= 0 ? '+' : ''}${result.overheadPct} % time)\n`)
console.log(JSON.stringify(result))
