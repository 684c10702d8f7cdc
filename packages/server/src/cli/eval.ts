import { readFileSync, writeFileSync } from 'node:fs'
import type { Command } from 'commander'
import { z } from 'zod'
import type { ServerFlags } from '../config.js'
import {
  Assertion,
  checkRegression,
  parsePromptRef,
  RegressionBody,
  type RegressionReport,
  reportJunit,
  reportText,
} from '../datasets/index.js'
import { cliRunDeps, runProgress } from './datasets.js'
import { dim, fail, green, red } from './output.js'
import { serverOptions } from './serve.js'
import { parseFlags, withStore } from './with-store.js'

const EvalFlags = z.object({
  dataset: z.string().min(1),
  datasetVersion: z.coerce.number().int().min(1).optional(),
  prompt: z.string().min(1).optional(),
  systemPrompt: z.string().optional(),
  model: z.string().min(1).optional(),
  temperature: z.coerce.number().min(0).max(2).optional(),
  maxTokens: z.coerce.number().int().min(1).optional(),
  assert: z.array(z.string()).default([]),
  assertions: z.string().optional(),
  evaluators: z.string().default('heuristics'),
  repeat: z.coerce.number().int().min(1).max(20).default(1),
  concurrency: z.coerce.number().int().min(1).max(32).default(4),
  retries: z.coerce.number().int().min(0).max(10).default(2),
  baseline: z.string().min(1).default('auto'),
  failOnRegression: z.boolean().default(false),
  threshold: z.coerce.number().min(0).max(1).default(0),
  format: z.enum(['table', 'json', 'junit']).default('table'),
  out: z.string().min(1).optional(),
})

/** `--assert contains`, `--assert '{"type":"regex","pattern":"^Yes"}'`. */
function readAssertion(text: string, i: number): unknown {
  const value = text.trim().startsWith('{') ? JSON.parse(text) : { type: text.trim() }
  const r = Assertion.safeParse(value)
  if (!r.success)
    fail(
      `--assert #${i + 1} (${text}): ${r.error.issues[0]!.path.join('.') || 'type'}: ${r.error.issues[0]!.message}`,
    )
  return r.data
}

function body(flags: z.infer<typeof EvalFlags>): RegressionBody {
  const fromFile = flags.assertions ? (JSON.parse(readFileSync(flags.assertions, 'utf8')) as unknown[]) : []
  const raw = {
    datasetVersion: flags.datasetVersion,
    config: {
      ...(flags.prompt && { prompt: parsePromptRef(flags.prompt) }),
      ...(flags.systemPrompt !== undefined && { systemPrompt: flags.systemPrompt }),
      model: flags.model,
      temperature: flags.temperature,
      maxTokens: flags.maxTokens,
    },
    assertions: [...fromFile, ...flags.assert.map(readAssertion)],
    evaluators: flags.evaluators
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    repeat: flags.repeat,
    concurrency: flags.concurrency,
    retries: flags.retries,
    baseline: flags.baseline,
    threshold: flags.threshold,
  }
  const r = RegressionBody.safeParse(raw)
  if (!r.success) {
    const issue = r.error.issues[0]!
    fail(`${issue.path.join('.')}: ${issue.message}`)
  }
  return r.data
}

function render(report: RegressionReport, format: 'table' | 'json' | 'junit'): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`
  return format === 'junit' ? reportJunit(report) : reportText(report)
}

export function registerEval(program: Command) {
  serverOptions(program.command('eval'))
    .description(
      'run a prompt version (or model settings) over a dataset and compare it with a baseline; gates CI',
    )
    .requiredOption('--dataset <name>', 'the dataset (name or id)')
    .option('--dataset-version <n>', 'a version of the dataset (default: the latest)')
    .option(
      '--prompt <name@version>',
      'a prompt of the registry: name@3, name@staging, or name (its production label)',
    )
    .option('--system-prompt <text>', 'a system prompt instead of a registry prompt')
    .option('--model <model>', 'override the model')
    .option('--temperature <t>', 'override the temperature')
    .option('--max-tokens <n>', 'override max_tokens')
    .option(
      '--assert <check>',
      'an assertion: a type (contains, icontains, equals) or JSON; repeatable',
      (v, all: string[]) => [...all, v],
      [],
    )
    .option('--assertions <file>', 'a JSON file with a list of assertions')
    .option(
      '--evaluators <list>',
      'heuristics, rubric, groundedness, category (comma-separated)',
      'heuristics',
    )
    .option('--repeat <n>', 'run every item n times (non-deterministic models)', '1')
    .option('--concurrency <n>', 'model calls at the same time', '4')
    .option('--retries <n>', 'retries after rate limits, timeouts and server errors', '2')
    .option('--baseline <run>', "a run id, auto (the prompt's production version) or none", 'auto')
    .option('--fail-on-regression', 'exit with status 1 when items regressed (or fail, without a baseline)')
    .option('--threshold <share>', 'share of items allowed to regress before failing (0..1)', '0')
    .option('-f, --format <format>', 'table, json or junit', 'table')
    .option('-o, --out <file>', 'write the report to a file instead of stdout')
    .action(async (raw: ServerFlags & Record<string, unknown>) => {
      const flags = parseFlags(EvalFlags, raw)
      const request = body(flags)
      if (!request.assertions.length)
        process.stderr.write(
          dim("  no --assert given: only the items' own assertions and model errors can fail\n"),
        )
      const report = await withStore(raw, async (db, projectId) => {
        const deps = await cliRunDeps(db, projectId)
        if (deps.provider.simulated)
          process.stderr.write(dim('  model: simulated (no LLM configured: set CHATLENS_LLM_BASE_URL)\n'))
        return checkRegression(
          deps,
          projectId,
          flags.dataset,
          request,
          'cli',
          runProgress(['run', 'baseline']),
        )
      })
      const text = render(report, flags.format)
      if (flags.out) {
        writeFileSync(flags.out, text)
        process.stderr.write(`${green('wrote')} ${flags.out}\n`)
      } else process.stdout.write(text)
      const line = `${report.gate.regression ? red('regression') : green('ok')} ${report.gate.summary}\n`
      if (flags.format !== 'table' || flags.out) process.stderr.write(line)
      if (report.gate.regression && flags.failOnRegression) {
        for (const item of report.gate.items)
          process.stderr.write(`  ${red('✗')} ${item.itemId}: ${item.reason}\n`)
        process.exitCode = 1
      }
    })
}
