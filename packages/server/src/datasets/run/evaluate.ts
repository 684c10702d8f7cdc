import type { EvalInput } from '../../eval/evaluator.js'
import { combineQuality, componentEvaluators, qualityEvaluator } from '../../eval/evaluators/index.js'
import { createJudgeEvaluator, type JudgeKind } from '../../eval/judge/index.js'
import type { Provider } from '../../llm/index.js'

/** Evaluators a run can apply to every output. */
export const RUN_EVALUATORS = ['heuristics', 'rubric', 'groundedness', 'category'] as const
export type RunEvaluator = (typeof RUN_EVALUATORS)[number]

/** One score as it is stored on the run's trace. */
export type RunScore = {
  name: string
  value: number | null
  stringValue?: string
  comment: string
  source: 'heuristic' | 'judge'
  evaluator: string
  evaluatorVersion: string
  simulated?: boolean
}

export type Evaluated = { scores: RunScore[]; failures: string[]; judgeCostUsd: number }

/**
 * Scores one output as the evaluation worker would (same evaluators, names and versions), but
 * without the project's learned term statistics: a run's relevance must not drift with the
 * traffic seen between two runs that are being compared.
 */
export async function evaluateOutput(
  input: EvalInput,
  evaluators: readonly RunEvaluator[],
  judge: { provider: Provider; model?: string; signal?: AbortSignal },
): Promise<Evaluated> {
  const scores: RunScore[] = []
  const failures: string[] = []
  let judgeCostUsd = 0
  if (evaluators.includes('heuristics')) {
    const parts = componentEvaluators.flatMap((e) =>
      e.evaluate(input).map((s) => ({ ...s, evaluator: e.name, evaluatorVersion: e.version })),
    )
    for (const s of combineQuality(parts, input))
      parts.push({ ...s, evaluator: qualityEvaluator.name, evaluatorVersion: qualityEvaluator.version })
    for (const s of parts) scores.push({ ...s, source: 'heuristic' })
  }
  for (const kind of evaluators.filter((e): e is JudgeKind => e !== 'heuristics')) {
    const evaluator = createJudgeEvaluator(kind, {
      provider: judge.provider,
      model: judge.model,
      signal: judge.signal,
    })
    const r = await evaluator.judge(input)
    judgeCostUsd += r.costUsd ?? 0
    if (!r.ok) {
      failures.push(`${evaluator.name} failed (${r.kind}): ${r.reason}`)
      continue
    }
    for (const s of r.scores)
      scores.push({
        ...s,
        source: 'judge',
        evaluator: evaluator.name,
        evaluatorVersion: evaluator.version,
        simulated: r.simulated,
      })
  }
  return { scores, failures, judgeCostUsd }
}

/** Numeric scores by name, for assertions and comparisons. */
export function scoreMap(scores: readonly RunScore[]): Record<string, number | null> {
  return Object.fromEntries(scores.filter((s) => s.stringValue === undefined).map((s) => [s.name, s.value]))
}
