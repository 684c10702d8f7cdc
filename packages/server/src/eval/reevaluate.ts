import { newId } from '../model/ids.js'
import type { EvaluationSettings } from '../model/index.js'
import { type Db, enqueueJobs, getTrace, listTraces, type NewJob, type TraceFilter } from '../store/index.js'
import { jobId } from './enqueue.js'
import { type TaskName, tasksFor } from './tasks.js'

/** Most traces one request may queue. */
export const REEVALUATE_MAX_TRACES = 10_000
const PAGE = 500

export type ReevaluateRequest = {
  traceIds?: string[]
  filter?: TraceFilter
  /** Default: every task the project's settings enable. */
  tasks?: TaskName[]
  limit?: number
}

/**
 * Queues fresh evaluations of chosen traces, regardless of sampling: one trace by id, or every
 * trace matching a filter (newest first, up to the limit). New scores replace the old ones.
 */
export async function reevaluate(
  db: Db,
  projectId: string,
  settings: EvaluationSettings,
  judgeAvailable: boolean,
  req: ReevaluateRequest,
): Promise<{ traces: number; jobs: number; tasks: TaskName[] }> {
  const tasks = req.tasks?.length
    ? req.tasks
    : tasksFor({ ...settings, enabled: true }, judgeAvailable).map((t) => t.task)
  const limit = Math.min(req.limit ?? REEVALUATE_MAX_TRACES, REEVALUATE_MAX_TRACES)
  const traceIds: string[] = []
  if (req.traceIds) {
    for (const id of req.traceIds.slice(0, limit)) if (await getTrace(db, projectId, id)) traceIds.push(id)
  } else {
    let cursor = null
    do {
      const page = await listTraces(db, projectId, req.filter ?? {}, {
        limit: Math.min(PAGE, limit - traceIds.length),
        cursor,
      })
      for (const t of page.data) if (t.output != null) traceIds.push(t.id)
      cursor = page.nextCursor ? { t: page.data.at(-1)!.timestamp, id: page.data.at(-1)!.id } : null
    } while (cursor && traceIds.length < limit)
  }
  const now = Date.now()
  const batch = newId()
  const jobs: NewJob[] = traceIds.flatMap((traceId) =>
    tasks.map((task) => ({
      id: `${jobId(projectId, traceId, task)}:${batch}`,
      projectId,
      traceId,
      spanId: null,
      evaluator: task,
      maxAttempts: settings.maxAttempts,
      reason: 'reevaluate',
      runAfter: now,
    })),
  )
  for (let i = 0; i < jobs.length; i += PAGE)
    await db.transaction((tx) => enqueueJobs(tx, jobs.slice(i, i + PAGE), now))
  return { traces: traceIds.length, jobs: jobs.length, tasks }
}
