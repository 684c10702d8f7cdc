import { assignVariant } from '../../src/experiments/index.js'
import { mulberry32, normalGenerator } from '../../src/experiments/stats/testing/random.js'

/** How a variant behaves in a simulated experiment: shifts from the common baseline. */
export type Behaviour = {
  quality?: number
  latencyMs?: number
  costUsd?: number
  satisfaction?: number
  errorRate?: number
}

export type TrafficSpec = {
  key: string
  seed: string
  variants: { key: string; weight: number }[]
  units: number
  /** What each variant changes; variants not listed behave like the baseline. */
  behaviour?: Record<string, Behaviour>
  randomSeed?: number
  /** Prefix of unit ids (users). */
  prefix?: string
}

const clamp = (x: number) => Math.min(1, Math.max(0, x))
const BASE = { quality: 0.7, latencyMs: 900, costUsd: 0.0004, satisfaction: 0.65, errorRate: 0.03 }

/**
 * Ingestion events of an experiment's traffic, as a chatbot with the SDK and the evaluators would
 * send them: each user is assigned with the real hash, has one conversation of 1–3 turns, each
 * turn a trace with latency, cost, status and a heuristic quality score, about a third of turns
 * a thumbs verdict, and the conversation ends with satisfaction and resolution.
 */
export function experimentTraffic(spec: TrafficSpec): Record<string, unknown>[] {
  const rng = mulberry32(spec.randomSeed ?? 1)
  const normal = normalGenerator(rng)
  const events: Record<string, unknown>[] = []
  const t0 = Date.parse('2026-11-02T09:00:00Z')
  let n = 0
  const ev = (type: string, body: Record<string, unknown>) =>
    events.push({ id: `${spec.key}-e${++n}`, type, body })
  for (let u = 0; u < spec.units; u++) {
    const userId = `${spec.prefix ?? 'user'}-${u}`
    const variant = assignVariant(spec, userId)
    const b = { ...BASE }
    for (const [k, shift] of Object.entries(spec.behaviour?.[variant] ?? {}))
      b[k as keyof typeof BASE] += shift
    const sessionId = `${spec.key}-s${u}`
    // Users differ (a per-user level), so turns of one user are correlated, as in real traffic.
    const userLevel = 0.05 * normal()
    const turns = 1 + Math.floor(rng() * 3)
    let satisfaction = b.satisfaction + userLevel + 0.15 * normal()
    for (let k = 0; k < turns; k++) {
      const traceId = `${sessionId}-t${k}`
      const failed = rng() < b.errorRate
      ev('trace-create', {
        id: traceId,
        timestamp: t0 + u * 60_000 + k * 10_000,
        userId,
        sessionId,
        input: 'Where is my order?',
        output: failed ? 'Sorry, something went wrong.' : 'It ships tomorrow.',
        latencyMs: Math.max(50, b.latencyMs + 250 * normal()),
        costUsd: Math.max(0, b.costUsd * (1 + 0.2 * normal())),
        ...(failed && { status: 'error', error: 'provider failed' }),
        experimentKey: spec.key,
        experimentVariant: variant,
        evaluate: false,
      })
      const quality = clamp(b.quality + userLevel + 0.1 * normal())
      ev('score-create', { traceId, name: 'quality', value: quality, source: 'heuristic' })
      if (rng() < 0.35)
        ev('feedback-create', { traceId, thumbs: rng() < 0.3 + quality * 0.8 ? 'up' : 'down' })
      satisfaction += failed ? -0.1 : 0
    }
    ev('session-update', {
      id: sessionId,
      userId,
      satisfaction: clamp(satisfaction),
      resolved: satisfaction > 0.55,
    })
  }
  return events
}
