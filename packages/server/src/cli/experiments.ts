import { readFileSync } from 'node:fs'
import type { Command } from 'commander'
import { z } from 'zod'
import type { ServerFlags } from '../config.js'
import {
  createExperiment,
  ExperimentCreate,
  experimentResults,
  resultsText,
  startExperiment,
  stopExperiment,
  table,
} from '../experiments/index.js'
import { ServiceError } from '../prompts/index.js'
import { listExperiments } from '../store/index.js'
import { bold, dim, fail, green, red, yellow } from './output.js'
import { serverOptions } from './serve.js'
import { withStore } from './with-store.js'

/** Runs a service call against the store the server uses; its refusals end the command with their message. */
export async function run<T>(flags: ServerFlags, fn: Parameters<typeof withStore<T>>[1]): Promise<T> {
  try {
    return await withStore(flags, fn)
  } catch (err) {
    if (err instanceof ServiceError) fail(err.message)
    throw err
  }
}

/** Reads a JSON file given on the command line, or stops with what is wrong with it. */
export function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch (err) {
    fail(`cannot read ${file}: ${(err as Error).message}`)
  }
}

const DECISION_COLOUR = {
  ship: green,
  keep_control: yellow,
  keep_running: dim,
  no_difference: dim,
  investigate: red,
}

export function registerExperiments(program: Command) {
  const experiments = program
    .command('experiments')
    .description('A/B experiments: list, create, start, stop, results')

  serverOptions(experiments.command('list'))
    .description('experiments of the project, newest first')
    .action(async (flags: ServerFlags) => {
      const list = await run(flags, (db, projectId) => listExperiments(db, projectId))
      if (!list.length)
        process.stdout.write(
          dim('no experiment yet; create one with `chatlens experiments create --file def.json`\n'),
        )
      else
        for (const line of table(
          ['key', 'name', 'status', 'unit', 'variants', 'primary metric'],
          list.map((e) => [
            e.key,
            e.name,
            e.status,
            e.unit,
            e.variants.map((v) => `${v.key}:${v.weight}`).join(' '),
            e.primaryMetric,
          ]),
        ))
          process.stdout.write(`${line}\n`)
    })

  serverOptions(experiments.command('create'))
    .description('create an experiment from a JSON definition (the body of POST /api/v1/experiments)')
    .requiredOption('-f, --file <file>', 'JSON file with key, variants, unit, primaryMetric, …')
    .option('--start', 'start it right away')
    .action(async (flags: ServerFlags & { file: string; start?: boolean }) => {
      const parsed = ExperimentCreate.safeParse({
        ...(readJson(flags.file) as object),
        ...(flags.start && { start: true }),
      })
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!
        fail(`${flags.file}: ${issue.path.join('.')}: ${issue.message}`)
      }
      const e = await run(flags, (db, projectId) => createExperiment(db, projectId, parsed.data, 'cli'))
      process.stdout.write(`${bold('created')} ${e.key} (${e.status}); seed ${e.seed}\n`)
    })

  serverOptions(experiments.command('start <key>'))
    .description('start assigning units')
    .action(async (key: string, flags: ServerFlags) => {
      const e = await run(flags, (db, projectId) => startExperiment(db, projectId, key, 'cli'))
      process.stdout.write(`${key} is ${e.status}\n`)
    })

  serverOptions(experiments.command('stop <key>'))
    .description('stop assigning units; results stay')
    .option('--winner <variant>', 'the variant you decided for')
    .option('--note <text>', 'why')
    .action(async (key: string, flags: ServerFlags & { winner?: string; note?: string }) => {
      const e = await run(flags, (db, projectId) =>
        stopExperiment(db, projectId, key, { winner: flags.winner, note: flags.note, by: 'cli' }),
      )
      process.stdout.write(`${key} is ${e.status}\n`)
    })

  serverOptions(experiments.command('results <key>'))
    .description(
      'per-variant metrics, lifts with intervals and p-values, sample-ratio check and a recommendation',
    )
    .option('--json', 'print the results as JSON (the API answer)')
    .action(async (key: string, flags: ServerFlags & { json?: boolean }) => {
      const parsedKey = z.string().min(1).max(100).safeParse(key)
      if (!parsedKey.success) fail('the experiment key is missing or too long')
      const r = await run(flags, (db, projectId) => experimentResults(db, projectId, key))
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(r, null, 2)}\n`)
        return
      }
      const lines = resultsText(r)
      process.stdout.write(`${bold(lines[0]!)}\n`)
      for (const line of lines.slice(1)) {
        if (line.startsWith('recommendation: ')) {
          const colour = DECISION_COLOUR[r.recommendation.decision]
          process.stdout.write(`${bold('recommendation:')} ${colour(bold(line.slice(16)))}\n`)
        } else process.stdout.write(`${line}\n`)
      }
    })
}
