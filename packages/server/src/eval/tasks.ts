import { z } from 'zod'
import { type EvaluationSettings, JudgeEvaluatorName } from '../model/index.js'

/**
 * The evaluation tasks a job can name. "heuristics" runs every heuristic evaluator at once
 * (they are fast and some combine others' results); each judge evaluator is its own task,
 * because each is a separate LLM call that can fail on its own.
 */
export const TaskName = z.union(
  [z.literal('heuristics'), z.templateLiteral(['judge:', JudgeEvaluatorName])],
  {
    error: 'expected heuristics, judge:rubric, judge:category or judge:groundedness',
  },
)
export type TaskName = z.infer<typeof TaskName>

export const HEURISTICS: TaskName = 'heuristics'
export const isJudgeTask = (t: string): t is `judge:${JudgeEvaluatorName}` => t.startsWith('judge:')

/** The tasks this project's settings ask for, with the share of traffic each should see. */
export function tasksFor(
  settings: EvaluationSettings,
  judgeAvailable: boolean,
): { task: TaskName; rate: number }[] {
  if (!settings.enabled) return []
  const tasks: { task: TaskName; rate: number }[] = [
    { task: HEURISTICS, rate: settings.heuristics.sampleRate },
  ]
  const judgeOn = settings.judge.mode === 'on' || (settings.judge.mode === 'auto' && judgeAvailable)
  if (judgeOn) {
    for (const name of settings.judge.evaluators)
      tasks.push({ task: `judge:${name}`, rate: settings.judge.sampleRate })
  }
  return tasks
}
