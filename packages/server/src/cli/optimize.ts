import type { Command } from 'commander'
import { z } from 'zod'
import type { ServerFlags } from '../config.js'
import { createProvider, llmConfigFromEnv } from '../llm/index.js'
import {
  applyRecommendation,
  GenerateBody,
  generateRecommendations,
  llmRecommendations,
  revertAction,
  runCycle,
  setRecommendationStatus,
} from '../optimize/index.js'
import { listOptimizationActions, listRecommendations, type StoredRecommendation } from '../store/index.js'
import { registerDatasets } from './datasets.js'
import { registerEval } from './eval.js'
import { bold, dim, green, red, yellow } from './output.js'
import { serverOptions } from './serve.js'
import { parseFlags, refreshRollups, withStore } from './with-store.js'

const PRIORITY = { high: red, medium: yellow, low: dim }
const when = (t: number) => new Date(t).toISOString().replace('T', ' ').slice(0, 16)

function printRecommendation(r: StoredRecommendation) {
  const out = process.stdout
  out.write(
    `${PRIORITY[r.priority](r.priority.padEnd(6))} ${bold(r.title)}  ${dim(`${r.id} · ${r.status} · effort ${r.effort}`)}\n`,
  )
  out.write(`       ${r.evidenceText}\n`)
  out.write(`       ${dim('expected:')} ${r.expectedEffect}\n`)
  const kind = (r.proposal as { kind: string }).kind
  out.write(
    `       ${dim('apply:')} ${kind === 'manual' ? 'a change in the chatbot (apply marks it done)' : `a new version of ${(r.proposal as { promptName: string }).promptName} tested in an experiment`}\n`,
  )
  if (r.source === 'llm')
    out.write(`       ${dim(`written by ${r.provider}${r.simulated ? ' (simulated)' : ''}`)}\n`)
}

const CycleFlags = z.object({
  window: z.string().default('7d'),
  bot: z.string().optional(),
  environment: z.string().optional(),
  llm: z.boolean().default(false),
  dryRun: z.boolean().default(false),
  all: z.boolean().default(false),
})

/** Recommends from the data, then checks running experiments and promotes winners. */
async function optimize(raw: ServerFlags & Record<string, unknown>) {
  const f = parseFlags(CycleFlags, raw)
  const generate = parseFlags(GenerateBody, { window: f.window, bot: f.bot, environment: f.environment })
  await withStore(raw, async (db, projectId) => {
    await refreshRollups(db)
    const r = await generateRecommendations(db, projectId, generate)
    process.stdout.write(
      `${bold('recommendations')} from ${r.interactions} interactions (${JSON.stringify(r.filter)}): ${r.created.length} new, ${r.refreshed.length} still open\n`,
    )
    for (const x of [...r.created, ...r.refreshed]) printRecommendation(x)
    if (f.llm) {
      const advice = await llmRecommendations(db, projectId, createProvider(llmConfigFromEnv()), generate)
      process.stdout.write(
        `${bold('LLM advice')} from ${advice.provider} ${advice.model}${advice.simulated ? yellow(' (simulated: it cannot write advice)') : ''}\n`,
      )
      for (const i of advice.advice.insights) process.stdout.write(`  - ${i}\n`)
      for (const x of advice.stored) printRecommendation(x)
    }
    const checks = await runCycle(db, projectId, {
      scope: f.all ? 'all' : 'optimizer',
      dryRun: f.dryRun,
      by: 'cli',
    })
    process.stdout.write(
      `${bold('experiments')} ${checks.length ? '' : dim('none running from applied recommendations')}\n`,
    )
    for (const c of checks)
      process.stdout.write(
        `  ${c.outcome === 'promoted' ? green(c.outcome) : c.outcome.replace('_', ' ')}  ${c.experiment}: ${c.reason}\n      ${dim(c.summary)}\n`,
      )
  })
}

export function registerOptimize(program: Command) {
  const cmd = serverOptions(program.command('optimize'))
    .description('recommend changes from the data, and promote experiment winners the statistics support')
    .option('--window <duration>', 'traffic to read, 1h–90d', '7d')
    .option('--bot <bot>', 'only this bot')
    .option('--environment <env>', 'production environment (default: the busiest but "eval")')
    .option('--llm', 'also ask the configured LLM for advice')
    .option('--dry-run', 'say what would be promoted without doing it')
    .option('--all', 'check every running experiment, not only those opened by applying a recommendation')
    .action(optimize)

  // The store options belong to `optimize` itself; its subcommands read them from there.
  const flags = (c: Command) => c.optsWithGlobals() as ServerFlags & Record<string, unknown>
  cmd
    .command('list')
    .description('recommendations, highest priority first')
    .option('--status <status>', 'open, applied or dismissed')
    .action(async (_: unknown, c: Command) => {
      const raw = flags(c) as ServerFlags & { status?: 'open' | 'applied' | 'dismissed' }
      const list = await withStore(raw, (db, projectId) =>
        listRecommendations(db, projectId, { status: raw.status }),
      )
      if (!list.length) process.stdout.write(dim('no recommendations: run chatlens optimize\n'))
      for (const r of list) printRecommendation(r)
    })

  cmd
    .command('apply <id>')
    .description('turn a recommendation into a prompt version and an experiment against production')
    .action(async (id: string, _: unknown, c: Command) => {
      const raw = flags(c)
      const r = await withStore(raw, (db, projectId) => applyRecommendation(db, projectId, id, { by: 'cli' }))
      if (!r.experiment)
        return void process.stdout.write(`${green('marked done')} ${r.recommendation.title}\n`)
      process.stdout.write(
        `${green('applied')} ${r.version!.name} v${r.version!.version}; experiment ${bold(r.experiment.key)} is running against production\n`,
      )
    })

  cmd
    .command('dismiss <id>')
    .description('dismiss a recommendation (it is not raised again for a week)')
    .action(async (id: string, _: unknown, c: Command) => {
      const raw = flags(c)
      await withStore(raw, (db, projectId) =>
        setRecommendationStatus(db, projectId, id, { status: 'dismissed' }),
      )
      process.stdout.write(`${green('dismissed')} ${id}\n`)
    })

  cmd
    .command('log')
    .description('every action of the optimizer: applies, promotions, reverts')
    .action(async (_: unknown, c: Command) => {
      const raw = flags(c)
      const page = await withStore(raw, (db, projectId) =>
        listOptimizationActions(db, projectId, {}, { limit: 100 }),
      )
      for (const a of page.data)
        process.stdout.write(
          `${when(a.at)}  ${a.kind.padEnd(7)} ${a.automatic ? 'auto' : 'hand'}  ${a.summary}${a.revertedAt ? dim(' (reverted)') : ''}  ${dim(a.id)}\n`,
        )
    })

  cmd
    .command('revert <action-id>')
    .description('undo a promotion (the label goes back) or an apply (its experiment stops)')
    .action(async (id: string, _: unknown, c: Command) => {
      const raw = flags(c)
      const r = await withStore(raw, (db, projectId) => revertAction(db, projectId, id, 'cli'))
      process.stdout.write(`${green('reverted')} ${r.revert.summary}\n`)
    })
}

/** datasets, eval and optimize: one line in main.ts. */
export function registerImprovement(program: Command) {
  registerDatasets(program)
  registerEval(program)
  registerOptimize(program)
}
