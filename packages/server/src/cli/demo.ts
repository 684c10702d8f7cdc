import { Chatlens } from '@chatlens/sdk'
import type { Command } from 'commander'
import { z } from 'zod'
import type { ServerFlags } from '../config.js'
import {
  DEMO_EXPERIMENT,
  ensureDemoExperiment,
  registrySystemPrompt,
  runTraffic,
  SupportChatbot,
  VirtualClock,
  withVirtualLatency,
} from '../demo/index.js'
import { createProvider, llmConfigFromEnv } from '../llm/index.js'
import { demoImprovement } from '../optimize/demo.js'
import { bold, cyan, dim, fail, green, usd, yellow } from './output.js'
import { progressBar } from './progress.js'
import { closeOnSignals, launch, serverOptions } from './serve.js'

const DemoFlags = z.object({
  conversations: z.coerce.number().int().min(1).max(100_000),
  users: z.coerce.number().int().min(1).max(100_000),
  days: z.coerce.number().int().min(1).max(90),
  seed: z.coerce.number().int(),
  errorRate: z.coerce.number().min(0).max(1),
  exit: z.boolean().optional(),
  again: z.boolean().optional(),
  url: z.url().optional(),
  apiKey: z.string().optional(),
})
type DemoFlags = z.infer<typeof DemoFlags>

/** The demo's traffic goes through the real SDK over HTTP, like any chatbot's would. */
async function target(flags: DemoFlags & ServerFlags) {
  if (flags.url) {
    const apiKey = flags.apiKey ?? process.env.CHATLENS_API_KEY
    if (!apiKey) fail('--url needs --api-key (or CHATLENS_API_KEY) with the admin scope (or ingest and read)')
    return { url: flags.url.replace(/\/$/, ''), apiKey, close: async () => {}, dashboardUrl: flags.url }
  }
  const { server, dashboardUrl } = await launch(flags)
  const apiKey = server.auth.mintLocalToken(server.project.id, ['admin'], 'demo')
  return { url: server.url, apiKey, close: () => server.close(), dashboardUrl }
}

async function api<T>(
  url: string,
  apiKey: string,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const res = await fetch(url + path, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${apiKey}`,
      ...(init.body !== undefined && { 'content-type': 'application/json' }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  if (!res.ok)
    fail(`${path} answered ${res.status}: ${await res.text()}`, 'is the server running and the key right?')
  return (await res.json()) as T
}

/** The same call, answering the status instead of failing on one (a 404 is an answer here). */
function apiStatus(url: string, apiKey: string) {
  return async (method: string, path: string, body?: unknown) => {
    const res = await fetch(url + path, {
      method,
      headers: {
        authorization: `Bearer ${apiKey}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    return { status: res.status, body: text ? JSON.parse(text) : null }
  }
}

/** One line on the prompt experiment the demo ran, and where to read all of it. */
async function experimentSummary(url: string, apiKey: string) {
  const res = await apiStatus(url, apiKey)('GET', `/api/v1/experiments/${DEMO_EXPERIMENT}/results`)
  if (res.status !== 200) return
  const r = res.body as { recommendation: { summary: string }; variants: { key: string; units: number }[] }
  const split = r.variants.map((v) => `${v.key} ${v.units}`).join(', ')
  process.stdout.write(`  experiment ${bold(DEMO_EXPERIMENT)} (${split} conversations): ${r.recommendation.summary}
`)
  process.stdout.write(
    dim(`             details: chatlens experiments results ${DEMO_EXPERIMENT}
`),
  )
}

type EvalStatus = { jobs: Record<'pending' | 'running' | 'done' | 'skipped' | 'failed', number> }

/** Shows the evaluation queue draining, so the dashboard opens on scored traffic. */
async function waitForEvaluations(url: string, apiKey: string, timeoutMs = 120_000) {
  const first = await api<EvalStatus>(url, apiKey, '/api/v1/evaluations/status')
  const left = (s: EvalStatus) => s.jobs.pending + s.jobs.running
  const total = left(first) + first.jobs.done + first.jobs.skipped + first.jobs.failed
  const bar = progressBar('evaluations', total)
  const deadline = Date.now() + timeoutMs
  for (let s = first; ; s = await api<EvalStatus>(url, apiKey, '/api/v1/evaluations/status')) {
    bar.update(total - left(s))
    if (left(s) === 0) break
    if (Date.now() > deadline) {
      bar.stop()
      process.stdout.write(dim(`  ${left(s)} evaluations still queued; they finish in the background\n`))
      return
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  bar.stop()
}

async function demo(raw: Record<string, unknown>) {
  const parsed = DemoFlags.safeParse(raw)
  if (!parsed.success)
    fail(`invalid option: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`)
  const flags = { ...parsed.data, ...(raw as ServerFlags) }
  const t = await target(flags)
  const existing = await api<{ data: unknown[] }>(t.url, t.apiKey, '/api/v1/traces?tag=demo&limit=1')
  if (existing.data.length && !flags.again) {
    process.stdout.write(`\n${dim('demo data is already here; pass --again to add more conversations')}\n`)
  } else {
    const started = performance.now()
    // Every turn gets heuristic scores, and the judge too — on the simulated model unless an LLM
    // is configured, and then labelled simulated on every score it writes.
    await api(t.url, t.apiKey, '/api/v1/project/settings', {
      method: 'PUT',
      body: { evaluation: { judge: { mode: 'on', sampleRate: 1 } } },
    })
    // The chatbot's system prompt comes from the registry, through an A/B experiment of two versions.
    const experiment = await ensureDemoExperiment(apiStatus(t.url, t.apiKey))
    const clock = new VirtualClock(Date.now())
    const config = llmConfigFromEnv()
    const base = createProvider({ errorRate: flags.errorRate, seed: flags.seed, ...config })
    const provider = withVirtualLatency(base, clock)
    const chatlens = new Chatlens({ apiKey: t.apiKey, baseUrl: t.url, clock, flushAt: 500 })
    const chatbot = new SupportChatbot({
      chatlens,
      provider,
      clock,
      systemPrompt: registrySystemPrompt(chatlens),
    })
    process.stdout.write(
      `\n${bold('demo')} ${flags.conversations} conversations of ${flags.users} customers over the past ${flags.days} days\n`,
    )
    process.stdout.write(
      `  model      ${base.simulated ? yellow(`${base.defaultModel} (simulated — no LLM configured)`) : base.defaultModel}\n`,
    )
    const bar = progressBar('conversations', flags.conversations)
    const summary = await runTraffic({
      chatlens,
      chatbot,
      clock,
      conversations: flags.conversations,
      users: flags.users,
      days: flags.days,
      seed: flags.seed,
      now: Date.now(),
      onConversation: (done) => bar.update(done),
    })
    bar.stop()
    await chatlens.shutdown()
    const stats = chatlens.stats()
    if (stats.failed || stats.dropped)
      fail(`the SDK could not deliver ${stats.failed + stats.dropped} events`)
    await waitForEvaluations(t.url, t.apiKey)
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    const cost = await api<{ data: { costUsd: number | null }[] }>(
      t.url,
      t.apiKey,
      `/api/v1/traces?tag=demo&limit=500`,
    )
    process.stdout.write(
      `${green('done')} in ${seconds} s: ${summary.turns} turns in ${summary.conversations} conversations ` +
        `(${Object.entries(summary.byKind)
          .map(([k, n]) => `${n} ${k.replace('_', '-')}`)
          .join(', ')}), ` +
        `${summary.fallbacks} provider errors answered with the fallback, ${summary.feedback} with feedback, ` +
        `${summary.resolved} resolved; cost of the latest ${cost.data.length} turns ` +
        `${usd(cost.data.reduce((s, x) => s + (x.costUsd ?? 0), 0))}\n`,
    )
    if (experiment.running) await experimentSummary(t.url, t.apiKey)
    process.stdout.write(await demoImprovement(apiStatus(t.url, t.apiKey), { days: flags.days }))
  }
  process.stdout.write(`\nopen the dashboard: ${cyan(t.dashboardUrl)}\n`)
  if (flags.exit || flags.url) {
    await t.close()
    return
  }
  process.stdout.write(dim('serving until Ctrl-C (pass --exit to stop after the demo)\n'))
  closeOnSignals(t.close)
}

export function registerDemo(program: Command) {
  serverOptions(program.command('demo'))
    .description(
      'fill chatlens with realistic chatbot traffic (simulated model unless an LLM is configured) and serve it',
    )
    .option('--conversations <n>', 'conversations to simulate', '80')
    .option('--users <n>', 'distinct customers', '16')
    .option('--days <n>', 'spread the traffic over the past days', '7')
    .option('--seed <n>', 'same seed, same traffic', '42')
    .option('--error-rate <share>', 'share of model calls that fail (0..1)', '0.04')
    .option('--again', 'add more traffic even if demo data is already there')
    .option('--exit', 'exit after the demo instead of serving')
    .option('--url <url>', 'send to a chatlens server already running instead of starting one')
    .option('--api-key <key>', 'key for --url (env CHATLENS_API_KEY)')
    .action(demo)
}
