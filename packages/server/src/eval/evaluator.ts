import type { CorpusStats } from './text/corpus-stats.js'

export type { CorpusStats } from './text/corpus-stats.js'

export type ChatTurn = { role: 'user' | 'assistant'; content: string }

/** What an evaluator may look at: one chatbot turn and what surrounded it. */
export type EvalInput = {
  query: string
  response: string
  /** Retrieved passages or other material the answer should rest on. */
  context?: string[]
  /** Earlier turns of the conversation, oldest first. */
  history?: ChatTurn[]
  /** IDF statistics learned from the project's traffic. */
  corpus?: CorpusStats
}

/**
 * One result. `value` is in 0..1 (null when the evaluator could not judge, with the reason in
 * `comment`). Convention for every heuristic: for "bad" metrics (toxicity, pii_leak, refusal)
 * higher means more of the bad thing; for all others higher is better.
 */
export type EvalScore = {
  name: string
  value: number | null
  /** Category, for categorical scores such as quality_level. */
  stringValue?: string
  /** Short human-readable explanation of the value. */
  comment: string
  details?: Record<string, unknown>
}

export type EvalNeed = 'query' | 'response' | 'context' | 'history'

export interface Evaluator {
  name: string
  version: string
  kind: 'heuristic' | 'judge'
  needs: ReadonlyArray<EvalNeed>
  evaluate(input: EvalInput): EvalScore[] | Promise<EvalScore[]>
}

/** Heuristic evaluators are synchronous, deterministic and need no network. */
export interface HeuristicEvaluator extends Evaluator {
  kind: 'heuristic'
  evaluate(input: EvalInput): EvalScore[]
}
