import type { Provider } from '../../llm/index.js'
import type { Assertion, AssertionType } from './schemas.js'

/** What an assertion looks at: one output of one item. */
export type AssertionContext = {
  output: string
  /** The item's expected output (null when it has none). */
  expected: unknown
  /** The item's input as stored. */
  input: unknown
  query: string
  context: string[]
  metadata: Record<string, unknown>
  /** Evaluator scores of this output, by name. */
  scores: Record<string, number | null>
  /** For LLM rubrics. */
  judge: { provider: Provider; model?: string }
  signal?: AbortSignal
}

/**
 * One check's outcome. `pass` is null when the check could not apply (it compares with the
 * expected output and the item has none); such a check neither passes nor fails the item.
 */
export type AssertionResult = {
  name: string
  type: AssertionType
  pass: boolean | null
  /** 0..1: 1 or 0 for yes/no checks, graded for rubrics and scores from JavaScript. */
  score: number | null
  reason: string
  /** What an LLM rubric cost, and whether its judge was the simulated one. */
  judge?: { model: string; costUsd: number | null; simulated: boolean }
}

export type Check<A extends Assertion = Assertion> = (
  a: A,
  ctx: AssertionContext,
) => Omit<AssertionResult, 'name' | 'type'> | Promise<Omit<AssertionResult, 'name' | 'type'>>

export const clip = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)
