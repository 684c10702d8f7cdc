import type { Written } from '../ingest/index.js'
import { enqueueJobs, type NewJob, type Queryable, type SpanRow, type TraceRow } from '../store/index.js'
import { inSample } from './sampling.js'
import type { SettingsCache } from './settings-cache.js'
import { tasksFor } from './tasks.js'

export const jobId = (projectId: string, targetId: string, task: string, kind: 'trace' | 'span' = 'trace') =>
  `${projectId}:${kind}:${targetId}:${task}`

/**
 * The ingest hook that queues evaluations in the same transaction as the data they evaluate,
 * so a committed trace always has its jobs. A trace is evaluated once it has an output.
 */
export function enqueueOnIngest(settingsCache: SettingsCache, judgeAvailable: () => boolean) {
  return async function enqueueEvaluations(
    tx: Queryable,
    projectId: string,
    written: Written,
  ): Promise<void> {
    const done = written.traces.filter((t) => t.output !== null)
    const spans = written.spans.filter((s) => s.output !== null)
    if (done.length === 0 && spans.length === 0) return
    const settings = await settingsCache.get(tx, projectId)
    const tasks = tasksFor(settings, judgeAvailable())
    if (tasks.length === 0) return
    const now = Date.now()
    const wanted = (t: TraceRow) =>
      (settings.bots.length === 0 || settings.bots.includes(t.bot as string)) &&
      (settings.environments.length === 0 || settings.environments.includes(t.environment))
    const jobs: NewJob[] = []
    const add = (targetId: string, traceId: string, spanId: string | null, force: boolean | null) => {
      for (const { task, rate } of tasks) {
        if (!inSample(task, targetId, rate, force)) continue
        jobs.push({
          id: jobId(projectId, targetId, task, spanId ? 'span' : 'trace'),
          projectId,
          traceId,
          spanId,
          evaluator: task,
          maxAttempts: settings.maxAttempts,
          reason: force ? 'forced' : 'sampled',
          runAfter: now,
        })
      }
    }
    for (const t of done) {
      if (wanted(t)) add(t.id, t.id, null, t.evaluate === null ? null : t.evaluate === 1)
    }
    if (settings.spanKinds.length) {
      for (const s of spans as SpanRow[])
        if (settings.spanKinds.includes(s.kind as never)) add(s.id, s.trace_id, s.id, null)
    }
    if (jobs.length) await enqueueJobs(tx, jobs, now)
  }
}
