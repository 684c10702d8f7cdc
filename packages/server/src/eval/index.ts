import type { BackgroundTask } from '../background.js'
import type { IngestHooks } from '../ingest/index.js'
import type { Provider } from '../llm/index.js'
import type { Db } from '../store/index.js'
import { ProjectCorpora } from './corpora.js'
import { enqueueOnIngest } from './enqueue.js'
import { createTaskRunner } from './runners.js'
import { SettingsCache } from './settings-cache.js'
import { EvaluationWorker, type WorkerOptions } from './worker.js'

export { jobId } from './enqueue.js'
export type { EvalInput, EvalScore, Evaluator } from './evaluator.js'
export { queryText } from './inputs.js'
export { inSample } from './sampling.js'
export { SettingsCache } from './settings-cache.js'
export { HEURISTICS, isJudgeTask, TaskName, tasksFor } from './tasks.js'
export { EvaluationWorker } from './worker.js'

export type EvaluationOptions = {
  db: Db
  hooks: IngestHooks
  provider: Provider
  /** Tuning for tests: poll interval, lease, concurrency. */
  worker?: Partial<Omit<WorkerOptions, 'db' | 'hooks' | 'runner' | 'settings'>>
}

/**
 * Turns evaluation on for a server: ingest queues jobs in its own transaction, and the
 * returned background task runs them. The judge runs by default only when a real LLM endpoint
 * is configured; a project can switch it on explicitly (the demo does, on the simulated model).
 */
export function createEvaluation(o: EvaluationOptions): BackgroundTask & { settings: SettingsCache } {
  const settings = new SettingsCache()
  const corpora = new ProjectCorpora(o.db)
  const worker = new EvaluationWorker({
    db: o.db,
    hooks: o.hooks,
    settings,
    runner: createTaskRunner({ provider: o.provider, corpora }),
    onRoundDone: () => corpora.save(),
    onError: (err) => process.stderr.write(`chatlens: evaluation worker: ${(err as Error).message}\n`),
    ...o.worker,
  })
  o.hooks.inTransaction.push(enqueueOnIngest(settings, () => !o.provider.simulated))
  o.hooks.afterCommit.push((_, written) => {
    if (written.traces.length || written.spans.length) worker.poke()
  })
  return {
    name: worker.name,
    settings,
    start: () => worker.start(),
    stop: async () => {
      await worker.stop()
      await corpora.save(true)
    },
  }
}
