import type { Chatlens } from '@chatlens/sdk'
import type { SupportChatbot, TurnResult } from './chatbot.js'
import type { VirtualClock } from './clock.js'
import { judgeConversation } from './customer.js'
import { between, pickWeighted, type Rng, seeded } from './random.js'
import { SCENARIOS, type Scenario } from './scenarios.js'

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

export type TrafficOptions = {
  chatlens: Chatlens
  chatbot: SupportChatbot
  clock: VirtualClock
  conversations: number
  users: number
  days: number
  seed: number
  /** Real time "now": traffic ends before it. */
  now: number
  onConversation?: (done: number, total: number) => void
  /** Queued SDK events at which the traffic waits for delivery (default 2,000; the SDK holds 10,000). */
  deliveryBacklog?: number
}

export type TrafficSummary = {
  conversations: number
  turns: number
  fallbacks: number
  feedback: number
  resolved: number
  byKind: Record<string, number>
  from: number
  to: number
}

/**
 * When conversations start: more on recent days (a growing bot), mostly in working hours, none
 * in the last hour so every conversation has ended by "now".
 */
function startTimes(rng: Rng, n: number, days: number, now: number): number[] {
  const dayWeights = Array.from({ length: days }, (_, d) => 1 + 0.12 * d)
  const total = dayWeights.reduce((a, b) => a + b, 0)
  const starts: number[] = []
  const firstDay = Math.floor((now - days * DAY_MS) / DAY_MS) * DAY_MS
  for (let i = 0; i < n; i++) {
    let r = rng() * total
    let day = 0
    while (r > dayWeights[day]! && day < days - 1) r -= dayWeights[day++]!
    const hour = rng() < 0.8 ? between(rng, 8, 19) : between(rng, 0, 24)
    const t = firstDay + (day + 1) * DAY_MS + hour * HOUR_MS
    starts.push(Math.min(t, now - HOUR_MS - rng() * 6 * HOUR_MS))
  }
  return starts.sort((a, b) => a - b)
}

/** Drives the chatbot through `conversations` simulated customer conversations. */
export async function runTraffic(o: TrafficOptions): Promise<TrafficSummary> {
  const rng = seeded(o.seed)
  const starts = startTimes(rng, o.conversations, o.days, o.now)
  const summary: TrafficSummary = {
    conversations: 0,
    turns: 0,
    fallbacks: 0,
    feedback: 0,
    resolved: 0,
    byKind: {},
    from: starts[0] ?? o.now,
    to: o.now,
  }
  for (const [i, start] of starts.entries()) {
    const scenario = pickWeighted(rng, SCENARIOS)
    const userId = `customer-${String(1 + Math.floor(rng() * o.users)).padStart(3, '0')}`
    const sessionId = `conv-${o.seed}-${String(i + 1).padStart(4, '0')}`
    o.clock.set(start)
    const replies = await converse(o, rng, scenario, userId, sessionId)
    const verdict = judgeConversation(scenario, replies, rng)
    o.clock.advance(between(rng, 5_000, 60_000))
    o.chatlens.endConversation(sessionId, {
      satisfaction: verdict.satisfaction,
      resolved: verdict.resolved,
      stage: verdict.resolved ? 'farewell' : 'problem_solving',
      userId,
    })
    const last = replies.at(-1)
    if (verdict.thumbs && last?.traceId) {
      o.chatlens.feedback({
        traceId: last.traceId,
        sessionId,
        thumbs: verdict.thumbs,
        rating: verdict.rating,
        satisfaction: verdict.satisfaction,
        comment: verdict.comment,
      })
      summary.feedback++
    }
    summary.conversations++
    summary.turns += replies.length
    summary.fallbacks += replies.filter((r) => r.fallback).length
    summary.resolved += verdict.resolved ? 1 : 0
    summary.byKind[scenario.kind] = (summary.byKind[scenario.kind] ?? 0) + 1
    o.onConversation?.(i + 1, starts.length)
    // The simulated model answers at once, faster than any server stores; the SDK's queue is
    // bounded and drops beyond it, so a long demo waits for delivery now and then.
    if (o.chatlens.stats().queued >= (o.deliveryBacklog ?? 2_000)) await o.chatlens.flush()
  }
  return summary
}

async function converse(o: TrafficOptions, rng: Rng, scenario: Scenario, userId: string, sessionId: string) {
  const turns = Math.max(1, Math.ceil(scenario.turns.length * between(rng, 0.55, 1)))
  const replies: TurnResult[] = []
  for (const message of scenario.turns.slice(0, turns)) {
    const reply = await o.chatbot.reply({ userId, sessionId, message, tags: ['demo', scenario.kind] })
    replies.push(reply)
    // The customer reads the answer and types the next question.
    o.clock.advance(between(rng, 8_000, 45_000))
  }
  return replies
}
