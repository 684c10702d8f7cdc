import type { Provider } from '../llm/index.js'
import type { ProjectCorpora } from './corpora.js'
import type { EvalInput } from './evaluator.js'
import { combineQuality, componentEvaluators, qualityEvaluator } from './evaluators/index.js'
import { runJudgeTask } from './judge-runner.js'
import type { ProducedScore, RunContext, RunOutput, TaskRunner } from './runner.js'
import { isJudgeTask, type TaskName } from './tasks.js'

/** Every heuristic with its own name and version on its scores, then the combined quality. */
async function runHeuristicTask(
  corpora: ProjectCorpora,
  input: EvalInput,
  ctx: RunContext,
): Promise<RunOutput> {
  const { stats } = await corpora.get(ctx.projectId)
  const withCorpus = { ...input, corpus: stats }
  const scores: ProducedScore[] = componentEvaluators.flatMap((e) =>
    e.evaluate(withCorpus).map((s) => ({ ...s, evaluator: e.name, evaluatorVersion: e.version })),
  )
  for (const s of combineQuality(scores, withCorpus)) {
    scores.push({ ...s, evaluator: qualityEvaluator.name, evaluatorVersion: qualityEvaluator.version })
  }
  // The turn joins the corpus after it was scored, so it never makes its own terms look common.
  await corpora.learn(ctx.projectId, [input.query, input.response])
  return { scores }
}

/** The runner the evaluation worker uses: heuristics locally, judges through the provider. */
export function createTaskRunner(o: { provider: Provider; corpora: ProjectCorpora }): TaskRunner {
  return {
    run(task: TaskName, input: EvalInput, ctx: RunContext): Promise<RunOutput> {
      if (isJudgeTask(task)) return runJudgeTask(o.provider, task.slice('judge:'.length) as never, input, ctx)
      return runHeuristicTask(o.corpora, input, ctx)
    },
  }
}
