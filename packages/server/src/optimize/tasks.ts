import type { BackgroundTask, TaskContext } from '../background.js'
import { listProjects } from '../store/index.js'
import { runCycle } from './cycle.js'

/** Shortest schedule accepted: results barely move faster, and every check reads every running experiment. */
export const OPTIMIZE_INTERVAL_MIN_MS = 60_000

/** CHATLENS_OPTIMIZE_INTERVAL_MS, when set to a usable number; the cycle is off otherwise. */
export function optimizeIntervalMs(env: NodeJS.ProcessEnv = process.env): number | null {
  const v = Number(env.CHATLENS_OPTIMIZE_INTERVAL_MS)
  return Number.isFinite(v) && v >= OPTIMIZE_INTERVAL_MIN_MS ? v : null
}

/**
 * The optional schedule of the optimization cycle: every project's experiments opened by
 * applying a recommendation are checked and a winner promoted when the statistics say so. Off
 * unless CHATLENS_OPTIMIZE_INTERVAL_MS is set, because it changes what production serves.
 */
export function optimizeTasks(
  ctx: TaskContext,
  every: (name: string, intervalMs: number, tick: () => Promise<unknown>) => BackgroundTask,
  env: NodeJS.ProcessEnv = process.env,
): BackgroundTask[] {
  const interval = optimizeIntervalMs(env)
  if (interval === null) return []
  return [
    every('optimize', interval, async () => {
      for (const project of await listProjects(ctx.db)) {
        const checks = await runCycle(ctx.db, project.id, { scope: 'optimizer', by: null })
        for (const c of checks.filter((x) => x.outcome === 'promoted'))
          process.stderr.write(`chatlens: optimize: ${c.reason}\n`)
      }
    }),
  ]
}
