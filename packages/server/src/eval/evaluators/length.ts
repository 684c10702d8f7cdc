import type { EvalInput, EvalScore, HeuristicEvaluator } from '../evaluator.js'
import { analyze } from '../text/analysis.js'
import { classifyQuery, type QueryKind } from '../text/query-kind.js'
import { round3 } from './shared.js'

/**
 * Expected answer length in words per kind of query. A greeting or thanks wants a line; a yes/no
 * question a sentence or a short paragraph; a factual lookup a few sentences; a how-to,
 * troubleshooting or "explain" request enough room for steps.
 */
export const EXPECTED_WORDS: Readonly<Record<QueryKind, { min: number; max: number }>> = {
  greeting: { min: 2, max: 40 },
  yes_no: { min: 3, max: 120 },
  lookup: { min: 5, max: 150 },
  how_to: { min: 15, max: 300 },
  statement: { min: 8, max: 200 },
}
const KIND_LABELS: Readonly<Record<QueryKind, string>> = {
  greeting: 'greeting',
  yes_no: 'yes/no',
  lookup: 'lookup',
  how_to: 'how-to',
  statement: 'statement',
}
/** Long, multi-part queries deserve longer answers: the upper bound grows per query word past this. */
const LONG_QUERY_WORDS = 15
const EXTRA_WORDS_PER_QUERY_WORD = 4

/**
 * Length appropriateness, 0..1, higher is better: 1 inside the expected range for the query's
 * kind; below it (words / min)^1.5, so "Yes." to a how-to question scores near 0; above it
 * exp(-1.5 · (words / max - 1)), so twice the bound scores 0.22.
 */
export function scoreLength(input: EvalInput): EvalScore {
  const kind = classifyQuery(input.query)
  const queryWords = analyze(input.query).wordList.length
  const n = analyze(input.response).wordList.length
  const { min } = EXPECTED_WORDS[kind]
  const max =
    EXPECTED_WORDS[kind].max + Math.max(0, queryWords - LONG_QUERY_WORDS) * EXTRA_WORDS_PER_QUERY_WORD
  const raw = n < min ? (n / min) ** 1.5 : n > max ? Math.exp(-1.5 * (n / max - 1)) : 1
  const value = round3(raw)
  const verdict = n < min ? 'too short' : n > max ? 'too long' : 'about right'
  return {
    name: 'length_appropriateness',
    value,
    comment: `length ${value}: ${n} words, ${verdict} for a ${KIND_LABELS[kind]} query (expected ${min}-${max})`,
    details: { kind, words: n, expectedMin: min, expectedMax: max },
  }
}

export const lengthEvaluator: HeuristicEvaluator = {
  name: 'length_appropriateness',
  version: '1.0.0',
  kind: 'heuristic',
  needs: ['query', 'response'],
  evaluate: (input: EvalInput) => [scoreLength(input)],
}
