import type { Provider } from '../llm/index.js'
import type { EvalInput } from './evaluator.js'
import { createJudgeEvaluator, type JudgeKind, type JudgeResult } from './judge/index.js'
import { EvaluationError, type RunContext, type RunOutput } from './runner.js'

/** The judge's own usage as a job records it. */
function judgeUsage(result: JudgeResult) {
  return {
    model: result.model,
    inputTokens: result.usage.inputTokens,
    outputTokens: result.usage.outputTokens,
    costUsd: result.costUsd,
    simulated: result.simulated,
  }
}

/** Runs one judge evaluator with the project's rubric override and model, through `provider`. */
export async function runJudgeTask(
  provider: Provider,
  kind: JudgeKind,
  input: EvalInput,
  ctx: RunContext,
): Promise<RunOutput> {
  const evaluator = createJudgeEvaluator(kind, {
    provider,
    ...(ctx.settings.judge.model && { model: ctx.settings.judge.model }),
    ...(ctx.settings.judge.rubrics[kind] && { template: ctx.settings.judge.rubrics[kind] }),
  })
  const result = await evaluator.judge(input)
  if (!result.ok) {
    // A provider failure may pass (rate limits, outages); invalid output is retried a few times
    // as well, since models are not deterministic. Never a default score.
    throw new EvaluationError(result.reason, `judge_${result.kind}`, true, { judge: judgeUsage(result) })
  }
  const scores = result.scores.map((s) => ({
    ...s,
    evaluator: evaluator.name,
    evaluatorVersion: evaluator.version,
    details: { ...s.details, ...(result.simulated && { simulated: true }) },
  }))
  return { scores, judge: judgeUsage(result) }
}
