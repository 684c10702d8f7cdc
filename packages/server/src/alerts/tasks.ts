import { buildDirtyHours } from '../analytics/index.js'
import type { BackgroundTask, TaskContext } from '../background.js'
import { ensureDefaultAlertRules } from './defaults.js'
import { checkAllProjects } from './engine.js'

/** Stale rollup hours are rebuilt this often. */
export const ROLLUP_INTERVAL_MS = 5_000
/** Alert rules are evaluated this often. */
export const ALERT_CHECK_INTERVAL_MS = 30_000

type Every = (name: string, intervalMs: number, tick: () => Promise<unknown>) => BackgroundTask

/**
 * The analytics rollups and the alert checks as background tasks. `every` is background.ts's
 * scheduler, passed in so this module does not import the file that imports it.
 */
export function monitoringTasks(
  ctx: TaskContext,
  every: Every,
  log = (line: string) => process.stderr.write(`${line}\n`),
): BackgroundTask[] {
  let defaultsDone = false
  return [
    every('analytics-rollups', ROLLUP_INTERVAL_MS, () => buildDirtyHours(ctx.db)),
    every('alert-checks', ALERT_CHECK_INTERVAL_MS, async () => {
      if (!defaultsDone) {
        await ensureDefaultAlertRules(ctx.db)
        defaultsDone = true
      }
      await checkAllProjects(ctx.db, { log })
    }),
  ]
}
