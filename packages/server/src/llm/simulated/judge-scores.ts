import { isAbusive, readUser, topicOf } from './intent.js'
import type { JudgeInput } from './judge-input.js'
import { TOPICS } from './knowledge.js'
import { share, words } from './words.js'

/**
 * The simulated judge's scores: computed from plain text features (word overlap, topic match,
 * sentence length, numbers found in the knowledge base or the context, an insult lexicon). They
 * move in the right direction but are no language model's judgement, and are labelled so.
 */
export type JudgeScores = {
  relevance: number
  correctness: number
  helpfulness: number
  clarity: number
  coherence: number
  toxicity: number
  groundedness: number
  hallucination: number
  overall: number
  category: 'product' | 'support' | 'billing' | 'general' | 'off_topic'
}

export const JUDGE_EXPLANATION =
  'Simulated judge (no language model): scores computed from word overlap, topic match, sentence ' +
  'length, facts found in the knowledge base or context, and an insult lexicon.'

const REFUSAL = /\b(can only help|outside what i can help|cannot help with|can'?t help with)\b/i
const KB_TEXT = TOPICS.flatMap((t) => [...t.core, ...t.details, ...t.steps]).join(' ')

const clamp = (x: number) => Math.min(1, Math.max(0, x))
const round = (x: number) => Math.round(clamp(x) * 100) / 100

function clarityOf(response: string): number {
  const sentences = response.split(/[.!?]+\s+|\n+/).filter((s) => s.trim())
  const wordCount = response.split(/\s+/).filter(Boolean).length
  if (wordCount < 3) return 0.4
  const perSentence = wordCount / Math.max(1, sentences.length)
  return perSentence <= 25 ? 0.95 : Math.max(0.4, 0.95 - (perSentence - 25) * 0.03)
}

/** Share of the response's numbers ($50, 30 days) that the reference text also contains. */
function factSupport(response: string, reference: string): number | null {
  const numbers = response.match(/\$?\d+(?:[.,]\d+)?/g)
  if (!numbers) return null
  return numbers.filter((n) => reference.includes(n)).length / numbers.length
}

function categoryOf(query: string): JudgeScores['category'] {
  const { intent } = readUser([query])
  if (intent === 'off_topic' || intent === 'abusive') return 'off_topic'
  if (intent === 'features') return 'product'
  if (intent === 'billing' || intent === 'pricing') return 'billing'
  if (intent === 'greeting' || intent === 'thanks' || intent === 'unknown') return 'general'
  return 'support'
}

export function judgeScores({ query, response, context }: JudgeInput): JudgeScores {
  const category = categoryOf(query)
  const topic = topicOf(query)
  const sameTopic = topic !== null && topicOf(response) === topic
  const overlap = share(words(query), words(response))
  const declinedOffTopic = category === 'off_topic' && REFUSAL.test(response)
  const relevance = declinedOffTopic ? 0.85 : 0.15 + 0.6 * Math.min(1, overlap * 1.5) + (sameTopic ? 0.3 : 0)

  const support = factSupport(response, context ?? KB_TEXT)
  const grounded = context ? share(words(response), words(context)) : null
  const correctness = grounded ?? (support === null ? 0.75 : 0.45 + 0.5 * support)
  const groundedness = grounded ?? correctness

  const wordCount = response.split(/\s+/).filter(Boolean).length
  const specific = /\d|→|\n1\. /.test(response)
  const lengthFit = wordCount >= 12 && wordCount <= 150 ? 1 : 0.5
  const helpfulness = 0.5 * clamp(relevance) + 0.3 * (specific ? 1 : 0.3) + 0.2 * lengthFit
  const clarity = clarityOf(response)
  const toxicity = isAbusive(response) ? 0.8 : 0
  const overall = (clamp(relevance) + correctness + helpfulness + clarity + (1 - toxicity)) / 5
  return {
    relevance: round(relevance),
    correctness: round(correctness),
    helpfulness: round(helpfulness),
    clarity: round(clarity),
    coherence: round(clarity),
    toxicity: round(toxicity),
    groundedness: round(groundedness),
    hallucination: round(1 - groundedness),
    overall: round(overall),
    category,
  }
}
