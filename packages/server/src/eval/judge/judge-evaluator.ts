import { createHash } from 'node:crypto'
import type { EvalInput, EvalScore, Evaluator } from '../evaluator.js'
import { categoryJudge } from './category.js'
import type { JudgeDefinition } from './definition.js'
import { groundednessJudge } from './groundedness.js'
import { JudgeFailure, type JudgeResult } from './result.js'
import { rubricJudge } from './rubric.js'
import { type JudgeOptions, runJudge } from './run-judge.js'
import { assertTemplate } from './template.js'

export const JUDGES = {
  rubric: rubricJudge,
  category: categoryJudge,
  groundedness: groundednessJudge,
} as const satisfies Record<string, JudgeDefinition>
export type JudgeKind = keyof typeof JUDGES

/** A judge as an Evaluator; `judge()` also returns usage and cost on success, which a queue records. */
export interface JudgeEvaluator extends Evaluator {
  kind: 'judge'
  /** The rubric in use (the default or the override given at creation). */
  template: string
  /** Never throws for a model or endpoint failure; per-call options override the creation ones. */
  judge(input: EvalInput, overrides?: Partial<JudgeOptions>): Promise<JudgeResult>
  /** The scores, or a thrown JudgeFailure carrying the reason, kind, usage and cost. */
  evaluate(input: EvalInput): Promise<EvalScore[]>
}

/**
 * An edited rubric is a different evaluator: its scores get the default version plus a hash of
 * the rubric, so they are never averaged with the default rubric's as if they were comparable.
 */
export function versionFor(definition: JudgeDefinition, template: string): string {
  if (template === definition.defaultTemplate) return definition.version
  return `${definition.version}+rubric.${createHash('sha256').update(template).digest('hex').slice(0, 8)}`
}

/**
 * Wraps a judge definition as an Evaluator.
 * @example const rubric = createJudgeEvaluator('rubric', { provider: createProvider() })
 */
export function createJudgeEvaluator(
  judge: JudgeKind | JudgeDefinition,
  options: JudgeOptions,
): JudgeEvaluator {
  const definition = typeof judge === 'string' ? JUDGES[judge] : judge
  const template = options.template ?? definition.defaultTemplate
  assertTemplate(definition.name, template, definition.requiredPlaceholders)
  const name = definition.name
  const judgeOnce = (input: EvalInput, overrides: Partial<JudgeOptions> = {}) =>
    runJudge(definition, input, { ...options, template, ...overrides })
  return {
    name,
    version: versionFor(definition, template),
    kind: 'judge',
    needs: definition.needs,
    template,
    judge: judgeOnce,
    evaluate: async function evaluateWithJudge(input: EvalInput): Promise<EvalScore[]> {
      const result = await judgeOnce(input)
      if (!result.ok) throw new JudgeFailure(name, result)
      // The call's usage is shared by its scores: record it once per call, not once per score.
      const judgeInfo = { model: result.model, provider: result.provider, simulated: result.simulated }
      const call = { ...judgeInfo, attempts: result.attempts, usage: result.usage, costUsd: result.costUsd }
      return result.scores.map((score, i) => ({
        ...score,
        details: { ...score.details, judge: i === 0 ? call : judgeInfo },
      }))
    },
  }
}
