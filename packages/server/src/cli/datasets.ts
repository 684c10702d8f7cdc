import { readFileSync } from 'node:fs'
import { extname } from 'node:path'
import type { Command } from 'commander'
import { z } from 'zod'
import type { ServerFlags } from '../config.js'
import {
  changeItems,
  createDataset,
  DatasetName,
  FileFormat,
  itemsFromTraces,
  parseItemsFile,
  type RunDeps,
  type RunHooks,
} from '../datasets/index.js'
import { ingestBatch, noHooks } from '../ingest/index.js'
import { createProvider, llmConfigFromEnv } from '../llm/index.js'
import { ProjectPricers } from '../projects/index.js'
import { type Db, getDataset, listDatasets } from '../store/index.js'
import { dim, fail, green } from './output.js'
import { type Progress, progressBar } from './progress.js'
import { serverOptions } from './serve.js'
import { parseFlags, withStore } from './with-store.js'

/**
 * What a run needs when the CLI runs it against the store directly: the model from
 * CHATLENS_LLM_* (the simulated one when nothing is configured) and the ingestion path, so its
 * traces are stored exactly as the server would store them.
 */
export async function cliRunDeps(db: Db, projectId: string): Promise<RunDeps> {
  const pricer = await new ProjectPricers(db).get(projectId)
  return {
    db,
    provider: createProvider(llmConfigFromEnv()),
    ingest: (events) => ingestBatch(db, { projectId, pricer, hooks: noHooks() }, events),
  }
}

/** A progress bar on stderr for each run, labelled in order ("run", then "baseline"). */
export function runProgress(labels: string[]): Pick<RunHooks, 'onProgress'> {
  let bar: Progress | null = null
  let runs = 0
  return {
    onProgress(done, total, last) {
      bar ??= progressBar(labels[Math.min(runs++, labels.length - 1)]!, total, process.stderr)
      bar.update(done, last.error ? 'error' : last.passed ? '' : 'failed')
      if (done === total) {
        bar.stop()
        bar = null
      }
    },
  }
}

const ImportFlags = z.object({
  file: z.string().min(1),
  format: FileFormat.optional(),
  note: z.string().max(2000).optional(),
})
const FromTracesFlags = z.object({
  traceIds: z.string().optional(),
  bot: z.string().optional(),
  environment: z.string().optional(),
  tag: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(100),
  expected: z.enum(['correction', 'response', 'none']).default('correction'),
})

/** Creates the dataset when it does not exist yet, then adds the items as a new version. */
async function addToDataset(
  db: Db,
  projectId: string,
  name: string,
  items: Parameters<typeof changeItems>[3]['upsert'],
  note: string,
) {
  const parsedName = DatasetName.safeParse(name)
  if (!parsedName.success) fail(`--dataset: ${parsedName.error.issues[0]!.message}`)
  if (!(await getDataset(db, projectId, name))) await createDataset(db, projectId, { name }, 'cli')
  return changeItems(db, projectId, name, { upsert: items ?? [], note }, 'cli')
}

export function registerDatasets(program: Command) {
  const datasets = program
    .command('datasets')
    .description('datasets of examples for regression tests (chatlens eval)')

  serverOptions(datasets.command('list'))
    .description('every dataset with its latest version and size')
    .action(async (flags: ServerFlags) => {
      const list = await withStore(flags, (db, projectId) => listDatasets(db, projectId))
      if (list.length === 0)
        return void process.stdout.write(
          dim('no datasets yet: chatlens datasets import <name> --file items.jsonl\n'),
        )
      for (const d of list)
        process.stdout.write(
          `${d.name}  v${d.latestVersion}  ${d.itemCount} items${d.description ? `  ${dim(d.description)}` : ''}\n`,
        )
    })

  serverOptions(datasets.command('import <dataset>'))
    .description('add the items of a JSONL or CSV file as a new version (creates the dataset)')
    .requiredOption('--file <path>', 'a .jsonl or .csv file')
    .option('--format <format>', 'jsonl or csv (default: from the file name)')
    .option('--note <text>', 'what changed, kept with the version')
    .action(async (name: string, raw: ServerFlags & Record<string, unknown>) => {
      const flags = parseFlags(ImportFlags, raw)
      const format = flags.format ?? (extname(flags.file).toLowerCase() === '.csv' ? 'csv' : 'jsonl')
      const items = parseItemsFile(format, readFileSync(flags.file, 'utf8'))
      const r = await withStore(raw, (db, projectId) =>
        addToDataset(db, projectId, name, items, flags.note ?? `imported ${flags.file}`),
      )
      process.stdout.write(
        `${green('added')} ${r.added} items, replaced ${r.replaced}: ${name} v${r.version} has ${r.dataset.itemCount} items\n`,
      )
    })

  serverOptions(datasets.command('from-traces <dataset>'))
    .description('add recorded traces as items: query, conversation, response or correction, context')
    .option('--trace-ids <ids>', 'comma-separated trace ids')
    .option('--bot <bot>', 'the newest traces of this bot')
    .option('--environment <env>', 'the newest traces of this environment')
    .option('--tag <tag>', 'the newest traces with this tag')
    .option('--limit <n>', 'at most this many traces', '100')
    .option(
      '--expected <from>',
      'correction (from feedback, else the response), response or none',
      'correction',
    )
    .action(async (name: string, raw: ServerFlags & Record<string, unknown>) => {
      const { traceIds, limit, expected, ...filter } = parseFlags(FromTracesFlags, raw)
      const ids = traceIds
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean)
      if (!ids && Object.values(filter).every((v) => v === undefined))
        fail('give --trace-ids or a filter (--bot, --environment, --tag)')
      await withStore(raw, async (db, projectId) => {
        const body = ids ? { traceIds: ids, limit, expected } : { filter, limit, expected }
        const { items, skipped } = await itemsFromTraces(db, projectId, body)
        for (const s of skipped) process.stderr.write(dim(`  skipped ${s.traceId}: ${s.reason}\n`))
        if (items.length === 0) fail('no trace could be turned into an item')
        const r = await addToDataset(db, projectId, name, items, `${items.length} items from traces`)
        process.stdout.write(
          `${green('added')} ${r.added} items, replaced ${r.replaced}: ${name} v${r.version} has ${r.dataset.itemCount} items\n`,
        )
      })
    })
}
