import { ACCOUNT_TOPICS } from './topics-account.js'
import { ORDER_TOPICS } from './topics-orders.js'

/**
 * The simulated support bot's knowledge base: a small online store that also sells subscription
 * plans. Each topic has answer phrasings (core), extra facts (details), steps for list-style
 * prompts, and acknowledgments an empathetic prompt adds.
 */
export type TopicId =
  | 'order_status'
  | 'shipping'
  | 'returns'
  | 'billing'
  | 'password'
  | 'account'
  | 'features'
  | 'pricing'
  | 'human'

export type Topic = {
  id: TopicId
  /** Keyword patterns; each hit adds its weight to the topic's score. */
  keywords: [RegExp, number][]
  core: string[]
  details: string[]
  steps: string[]
  acknowledge: string[]
}

export const TOPICS: Topic[] = [...ORDER_TOPICS, ...ACCOUNT_TOPICS]

export const TOPIC_BY_ID = new Map(TOPICS.map((t) => [t.id, t]))
