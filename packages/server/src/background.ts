import { monitoringTasks } from './alerts/tasks.js'
import { createEvaluation } from './eval/index.js'
import type { IngestHooks } from './ingest/index.js'
import type { Provider } from './llm/index.js'
import { optimizeTasks } from './optimize/tasks.js'
import { type Db, pruneEventIds } from './store/index.js'

/** Work the server does on its own while it runs: queues, rollups, alert checks, cleanup. */
export interface BackgroundTask {
  readonly name: string
  start(): void
  /** Stops and waits for work in progress. */
  stop(): Promise<void>
}

export type TaskContext = {
  db: Db
  hooks: IngestHooks
  provider: Provider
  /** Register here to hear that a project's settings changed (caches to drop). */
  onSettingsChanged: ((projectId: string) => void)[]
}

/** How long event ids are remembered for de-duplication. */
export const EVENT_ID_RETENTION_MS = 7 * 86_400_000
const PRUNE_INTERVAL_MS = 3_600_000

/** Runs `tick` every `intervalMs` (unref'd, never overlapping); logs instead of crashing. */
export function everyInterval(
  name: string,
  intervalMs: number,
  tick: () => Promise<unknown>,
): BackgroundTask {
  let timer: NodeJS.Timeout | undefined
  let running: Promise<unknown> | undefined
  return {
    name,
    start() {
      timer = setInterval(() => {
        if (running) return
        running = tick()
          .catch((err) => process.stderr.write(`chatlens: ${name} failed: ${(err as Error).message}\n`))
          .finally(() => {
            running = undefined
          })
      }, intervalMs)
      timer.unref()
    },
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}

/** Every background task, built for one server. Add new ones here. */
export function createBackgroundTasks(ctx: TaskContext): BackgroundTask[] {
  return [
    everyInterval('prune-event-ids', PRUNE_INTERVAL_MS, () =>
      pruneEventIds(ctx.db, Date.now() - EVENT_ID_RETENTION_MS),
    ),
    ...monitoringTasks(ctx, everyInterval),
    ...optimizeTasks(ctx, everyInterval),
    evaluation(ctx),
  ]
}

/** Tunables of the evaluation worker, from the environment (defaults suit one machine). */
function workerTuning(env = process.env) {
  const n = (v: string | undefined) =>
    v && Number.isFinite(Number(v)) && Number(v) > 0 ? Number(v) : undefined
  return {
    ...(n(env.CHATLENS_EVAL_LEASE_MS) && { leaseMs: n(env.CHATLENS_EVAL_LEASE_MS) }),
    ...(n(env.CHATLENS_EVAL_JUDGE_CONCURRENCY) && {
      judgeConcurrency: n(env.CHATLENS_EVAL_JUDGE_CONCURRENCY),
    }),
  }
}

function evaluation(ctx: TaskContext): BackgroundTask {
  const task = createEvaluation({
    db: ctx.db,
    hooks: ctx.hooks,
    provider: ctx.provider,
    worker: workerTuning(),
  })
  ctx.onSettingsChanged.push((projectId) => task.settings.invalidate(projectId))
  return task
}
