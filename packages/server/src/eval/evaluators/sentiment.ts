import type { EvalInput, EvalScore, HeuristicEvaluator } from '../evaluator.js'
import { polarityScores } from '../text/vader.js'
import { round3 } from './shared.js'

/** The product's sentiment split: positive above 0.6, negative below 0.4, neutral between. */
export const SENTIMENT_POSITIVE_ABOVE = 0.6
export const SENTIMENT_NEGATIVE_BELOW = 0.4

export type SentimentLabel = 'positive' | 'neutral' | 'negative'

export function sentimentLabel(value: number): SentimentLabel {
  return value > SENTIMENT_POSITIVE_ABOVE
    ? 'positive'
    : value < SENTIMENT_NEGATIVE_BELOW
      ? 'negative'
      : 'neutral'
}

/** Sentiment of the response: VADER's compound score in -1..1 mapped to 0..1 as (compound + 1) / 2. */
export function scoreSentiment(response: string): EvalScore {
  const p = polarityScores(response)
  const value = round3((p.compound + 1) / 2)
  const label = sentimentLabel(value)
  const strongest = [...p.contributions]
    .sort((a, b) => Math.abs(b.valence) - Math.abs(a.valence))
    .slice(0, 3)
    .map((c) => `"${c.word}" ${c.valence > 0 ? '+' : ''}${round3(c.valence)}`)
  const comment = strongest.length
    ? `sentiment ${value} (${label}, compound ${round3(p.compound)}): ${strongest.join(', ')}`
    : `sentiment ${value} (neutral): no sentiment-bearing words`
  const details = {
    compound: round3(p.compound),
    pos: round3(p.pos),
    neg: round3(p.neg),
    neu: round3(p.neu),
    label,
  }
  return { name: 'sentiment', value, comment, details }
}

export const sentimentEvaluator: HeuristicEvaluator = {
  name: 'sentiment',
  version: '1.0.0',
  kind: 'heuristic',
  needs: ['response'],
  evaluate: (input: EvalInput) => [scoreSentiment(input.response)],
}
