import type { EvaluationSettings } from '../model/index.js'
import type { EvalInput, EvalScore } from './evaluator.js'
import type { TaskName } from './tasks.js'

/** A score ready to store, with the evaluator that produced it. */
export type ProducedScore = EvalScore & { evaluator: string; evaluatorVersion: string }

export type JudgeUsage = {
  model: string
  inputTokens: number
  outputTokens: number
  costUsd: number | null
  simulated: boolean
}

export type RunOutput = { scores: ProducedScore[]; judge?: JudgeUsage }

/** What failed, whether trying again may help, and what the attempt cost. */
export class EvaluationError extends Error {
  constructor(
    message: string,
    readonly kind: string,
    readonly retryable: boolean,
    readonly options: { retryAfterMs?: number; judge?: Partial<JudgeUsage> } = {},
  ) {
    super(message)
  }
}

export type RunContext = { projectId: string; settings: EvaluationSettings }

/** Runs one evaluation task on one target. Throws EvaluationError on failure, never a made-up score. */
export interface TaskRunner {
  run(task: TaskName, input: EvalInput, ctx: RunContext): Promise<RunOutput>
}
