import { ingestBatch, noHooks } from '../../src/ingest/index.js'
import { createPricer } from '../../src/ingest/pricer.js'
import type { Db } from '../../src/store/index.js'
import { mulberry32 } from '../../src/util/random.js'

/** A deterministic pseudo-random generator (mulberry32), so every run sees the same data. */
export function rng(seed: number) {
  const next = mulberry32(seed)
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  }
}

export const T0 = Date.UTC(2026, 8, 1, 0, 0, 0)
const MIN = 60_000
const QUERIES = [
  'Where is my order?',
  'How do I reset my password?',
  'Can I get a refund for my last invoice?',
  'Hello there',
  'What is the weather on Mars?',
  'Thanks, bye!',
  'My package never arrived, order 1234',
  'I was charged twice this month',
]

type Event = { id: string; type: string; body: Record<string, unknown> }

/**
 * A realistic mix: conversations of 1–6 turns over `hours` hours from T0, several bots,
 * versions, variants, models and prompt versions, errors, scores from two sources, a judge
 * category, session outcomes and end-user feedback.
 */
export function makeDataset(
  opts: { sessions?: number; hours?: number; seed?: number; prefix?: string } = {},
) {
  const { sessions = 60, hours = 30, seed = 7, prefix = 'd' } = opts
  const r = rng(seed)
  const events: Event[] = []
  let n = 0
  const ev = (type: string, body: Record<string, unknown>) =>
    events.push({ id: `${prefix}-e${++n}`, type, body })
  for (let s = 0; s < sessions; s++) {
    const sessionId = `${prefix}-s${s}`
    const start = T0 + r.int(0, hours * 60 - 1) * MIN + r.int(0, 59_999)
    const bot = r.pick(['support', 'sales'])
    const userId = `u${r.int(1, 15)}`
    const variant = r.pick(['a', 'b'])
    const turns = r.int(1, 6)
    let t = start
    for (let k = 0; k < turns; k++) {
      const traceId = `${sessionId}-t${k}`
      const error = r.chance(0.08)
      const latency = Math.round(200 + r.next() ** 2 * 4800)
      ev('trace-create', {
        id: traceId,
        timestamp: t,
        bot,
        version: r.pick(['1.0', '1.1']),
        variant,
        environment: r.pick(['production', 'production', 'staging']),
        userId,
        sessionId,
        model: r.pick(['gpt-4o-mini', 'gpt-4o']),
        input: r.pick(QUERIES),
        output: error ? undefined : 'Here is what I found.',
        inputTokens: r.int(50, 900),
        outputTokens: r.int(10, 300),
        costUsd: r.int(1, 3000) / 100_000,
        latencyMs: latency,
        ...(r.chance(0.7) ? { timeToFirstTokenMs: Math.round(latency * 0.3) } : {}),
        status: error ? 'error' : 'ok',
        ...(error ? { error: 'upstream failed', errorType: r.pick(['timeout', 'rate_limit']) } : {}),
        tags: r.chance(0.5) ? [r.pick(['orders', 'billing', 'vip'])] : [],
        promptName: 'support-system',
        promptVersion: r.int(1, 2),
      })
      if (r.chance(0.85)) {
        for (const name of ['relevance', 'quality', 'sentiment', 'toxicity']) {
          const value = name === 'toxicity' ? r.next() ** 4 : r.next()
          ev('score-create', {
            id: `${traceId}-${name}`,
            traceId,
            name,
            value: Math.round(value * 1000) / 1000,
            source: 'heuristic',
          })
        }
        if (r.chance(0.3))
          ev('score-create', {
            id: `${traceId}-judge-rel`,
            traceId,
            name: 'relevance',
            value: r.next(),
            source: 'judge',
          })
      }
      if (r.chance(0.7)) {
        ev('score-create', {
          id: `${traceId}-category`,
          traceId,
          name: 'category',
          value: r.pick(['product', 'support', 'billing', 'general', 'off_topic']),
          dataType: 'categorical',
          source: 'judge',
        })
      }
      if (r.chance(0.15))
        ev('feedback-create', {
          id: `${traceId}-fb`,
          traceId,
          ...(r.chance(0.5) ? { thumbs: r.pick(['up', 'down']) } : { rating: r.int(1, 5) }),
        })
      t += r.int(1, 20) * MIN
    }
    ev('session-create', {
      id: sessionId,
      ...(r.chance(0.5) ? { satisfaction: Math.round(r.next() * 100) / 100 } : {}),
      ...(r.chance(0.6) ? { resolved: r.chance(0.7) } : {}),
      ...(r.chance(0.5) ? { endedAt: t } : {}),
      ...(r.chance(0.5) ? { stage: r.pick(['resolution', 'farewell', 'problem_solving']) } : {}),
    })
  }
  return events
}

/** Stores events through the real ingest path, in batches. */
export async function ingestAll(db: Db, projectId: string, events: readonly Event[]): Promise<void> {
  const pricer = createPricer()
  for (let i = 0; i < events.length; i += 250) {
    const res = await ingestBatch(db, { projectId, pricer, hooks: noHooks() }, events.slice(i, i + 250))
    if (res.errors.length) throw new Error(`ingest failed: ${JSON.stringify(res.errors[0])}`)
  }
}
