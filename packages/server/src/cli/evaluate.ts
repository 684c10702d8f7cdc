import type { Command } from 'commander'
import { z } from 'zod'
import type { ServerFlags } from '../config.js'
import { createEvaluation, TaskName } from '../eval/index.js'
import { reevaluate } from '../eval/reevaluate.js'
import { SettingsCache } from '../eval/settings-cache.js'
import { noHooks } from '../ingest/index.js'
import { createProvider } from '../llm/index.js'
import { type Db, jobCounts } from '../store/index.js'
import { bold, dim, green, red, yellow } from './output.js'
import { progressBar } from './progress.js'
import { serverOptions } from './serve.js'
import { parseFlags, withStore } from './with-store.js'

const RunFlags = z.object({
  trace: z.array(z.string().min(1).max(200)).optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  bot: z.string().optional(),
  environment: z.string().optional(),
  model: z.string().optional(),
  tag: z.string().optional(),
  tasks: z
    .string()
    .transform((s) => s.split(',').map((t) => t.trim()))
    .pipe(z.array(TaskName).min(1))
    .optional(),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
  wait: z.boolean().optional(),
})

const time = (s: string | undefined, flag: string) => {
  if (s === undefined) return undefined
  const ms = /^\d+$/.test(s) ? Number(s) : Date.parse(s)
  if (!Number.isFinite(ms)) throw new Error(`--${flag}: "${s}" is not a time (ISO-8601 or epoch ms)`)
  return ms
}

/** Runs queued evaluations in this process until none is left, with progress. */
async function drain(db: Db, projectId: string) {
  const provider = createProvider()
  const hooks = noHooks()
  const evaluation = createEvaluation({ db, hooks, provider, worker: { pollIntervalMs: 100 } })
  const left = async () => {
    const c = await jobCounts(db, projectId)
    return c.pending + c.running
  }
  const total = await left()
  const bar = progressBar('evaluations', total)
  evaluation.start()
  try {
    for (let n = total; n > 0; n = await left()) {
      bar.update(total - n)
      await new Promise((r) => setTimeout(r, 200))
    }
    bar.update(total)
  } finally {
    bar.stop()
    await evaluation.stop()
  }
}

export function registerEvaluate(program: Command) {
  const evaluate = program
    .command('evaluate')
    .description('evaluation queue: status and re-evaluation on demand')

  serverOptions(evaluate.command('status'))
    .description('jobs by status and how far the queue lags behind')
    .action(async (flags: ServerFlags) => {
      const c = await withStore(flags, (db, projectId) => jobCounts(db, projectId))
      const lag =
        c.oldestPendingAt === null ? 'none' : `${Math.round((Date.now() - c.oldestPendingAt) / 1000)} s`
      process.stdout.write(
        `${bold('evaluations')}  ${green(`${c.done} done`)}  ${c.pending} pending  ${c.running} running  ` +
          `${dim(`${c.skipped} skipped`)}  ${c.failed ? red(`${c.failed} failed`) : '0 failed'}  (oldest pending: ${lag})\n`,
      )
    })

  serverOptions(evaluate.command('run'))
    .description('evaluate traces again now, regardless of sampling: by id or by filter')
    .option('--trace <id...>', 'trace ids')
    .option('--from <time>', 'traces since (ISO-8601 or epoch ms)')
    .option('--to <time>', 'traces before')
    .option('--bot <bot>')
    .option('--environment <env>')
    .option('--model <model>')
    .option('--tag <tag>')
    .option(
      '--tasks <list>',
      'heuristics, judge:rubric, judge:category, judge:groundedness (default: what the project enables)',
    )
    .option('--limit <n>', 'most traces (10,000 at most)')
    .option(
      '--wait',
      'run the evaluations in this process and wait for them (otherwise a running server does)',
    )
    .action(async (raw: Record<string, unknown>) => {
      const f = parseFlags(RunFlags, raw)
      if (!f.trace && !f.from && !f.to && !f.bot && !f.environment && !f.model && !f.tag) {
        throw new Error('give --trace ids or a filter (--from, --to, --bot, --environment, --model, --tag)')
      }
      const filter = {
        from: time(f.from, 'from'),
        to: time(f.to, 'to'),
        bot: f.bot,
        environment: f.environment,
        model: f.model,
        tag: f.tag,
      }
      await withStore(raw as ServerFlags, async (db, projectId) => {
        const settings = await new SettingsCache().get(db, projectId)
        const judgeAvailable = !createProvider().simulated
        const r = await reevaluate(db, projectId, settings, judgeAvailable, {
          ...(f.trace ? { traceIds: f.trace } : { filter }),
          tasks: f.tasks,
          limit: f.limit,
        })
        process.stdout.write(`queued ${r.jobs} evaluations of ${r.traces} traces (${r.tasks.join(', ')})\n`)
        if (r.traces === 0) process.stdout.write(yellow('no trace with an output matched\n'))
        if (f.wait && r.jobs) await drain(db, projectId)
        else if (r.jobs)
          process.stdout.write(
            dim('a running chatlens server works through them; pass --wait to run them here\n'),
          )
      })
    })
}
