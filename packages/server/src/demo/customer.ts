import type { TurnResult } from './chatbot.js'
import type { Rng } from './random.js'
import type { Scenario } from './scenarios.js'

/** Words that make an answer read as warm and caring to the simulated customer. */
const WARMTH = /\b(sorry|understand|apolog\w*|frustrat\w*|happy to help|glad|thank you for|i know how)\b/gi
const REFUSAL = /\b(can't help with|cannot help with|only help with|outside what i can|not able to help)\b/i

export type Verdict = {
  /** 0..1, what the customer would answer in a satisfaction survey. */
  satisfaction: number
  resolved: boolean
  thumbs?: 'up' | 'down'
  rating?: number
  comment?: string
}

/**
 * How a simulated customer judges a conversation, from what the bot actually answered: a
 * fallback (provider error) or a refusal of a real support question disappoints, warm wording
 * pleases. This is what makes the demo's prompt experiment show an effect with a cause.
 */
export function judgeConversation(scenario: Scenario, replies: TurnResult[], rng: Rng): Verdict {
  const fallbacks = replies.filter((r) => r.fallback).length
  const refused = replies.filter((r) => REFUSAL.test(r.answer)).length
  const warmth =
    replies.reduce((n, r) => n + (r.answer.match(WARMTH)?.length ?? 0), 0) / Math.max(1, replies.length)
  let s = scenario.kind === 'support' ? 0.72 : scenario.kind === 'off_topic' ? 0.5 : 0.3
  s -= 0.25 * fallbacks
  if (scenario.kind === 'support') s -= 0.15 * refused
  s += Math.min(0.18, 0.09 * warmth)
  s += (rng() - 0.5) * 0.2
  const satisfaction = Math.round(Math.min(1, Math.max(0, s)) * 100) / 100
  const resolved = scenario.kind === 'support' && fallbacks === 0 && satisfaction >= 0.55
  const verdict: Verdict = { satisfaction, resolved }
  // About half the customers leave feedback; unhappy ones a little more often.
  if (rng() < (satisfaction < 0.5 ? 0.6 : 0.45)) {
    verdict.thumbs = satisfaction >= 0.6 ? 'up' : 'down'
    verdict.rating = Math.max(1, Math.min(5, Math.round(1 + satisfaction * 4)))
    if (verdict.thumbs === 'down') {
      verdict.comment = fallbacks ? 'The bot stopped working halfway.' : 'Did not really answer my question.'
    }
  }
  return verdict
}
