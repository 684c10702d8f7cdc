import { Chatlens } from '@chatlens/sdk'
import {
  ensureDemoExperiment,
  registrySystemPrompt,
  runTraffic,
  SupportChatbot,
  VirtualClock,
  withVirtualLatency,
} from '../../../server/src/demo/index.js'
import { createSimulatedProvider } from '../../../server/src/llm/index.js'
import { demoImprovement } from '../../../server/src/optimize/demo.js'
import { sqlite } from '../../../server/test/support/engines.js'
import { startTestServer, type TestServer } from '../../../server/test/support/server.js'
import { type Browser, openBrowser } from './browser.js'
import { ensureWebBuilt } from './build.js'

type EvalStatus = { jobs: Record<'pending' | 'running' | 'done' | 'skipped' | 'failed', number> }

const EVAL_POLL_MS = 200
const EVAL_TIMEOUT_MS = 120_000

/** Waits until the evaluation queue is empty, so the figures stop moving. */
export async function waitForEvaluations(s: TestServer): Promise<EvalStatus['jobs']> {
  const deadline = Date.now() + EVAL_TIMEOUT_MS
  for (;;) {
    const { body } = (await s.call('GET', '/api/v1/evaluations/status')) as { body: EvalStatus }
    if (body.jobs.pending + body.jobs.running === 0) return body.jobs
    if (Date.now() > deadline) throw new Error(`evaluations still queued: ${JSON.stringify(body.jobs)}`)
    await new Promise((r) => setTimeout(r, EVAL_POLL_MS))
  }
}

/**
 * Fills the server as `chatlens demo` does: the reference support chatbot on the simulated model
 * talks to simulated customers over the past `days`, through the real SDK and HTTP API, with the
 * (simulated) judge switched on; then waits for every evaluation. With `registry`, the chatbot
 * takes its system prompt from the registry through the demo's A/B experiment, as the demo does.
 */
export async function fillWithDemo(
  s: TestServer,
  { conversations = 80, users = 30, days = 7, seed = 11, errorRate = 0.04, registry = false } = {},
): Promise<{ turns: number; conversations: number }> {
  const settings = await s.call('PUT', '/api/v1/project/settings', {
    evaluation: { judge: { mode: 'on', sampleRate: 1 } },
  })
  if (settings.status !== 200)
    throw new Error(`settings: ${settings.status} ${JSON.stringify(settings.body)}`)
  const clock = new VirtualClock(Date.now())
  const provider = withVirtualLatency(createSimulatedProvider({ seed, errorRate }), clock)
  const chatlens = new Chatlens({ apiKey: s.keys.admin, baseUrl: s.url, clock, flushAt: 500 })
  if (registry) await ensureDemoExperiment((method, path, body) => s.call(method, path, body))
  const chatbot = new SupportChatbot({
    chatlens,
    provider,
    clock,
    ...(registry && { systemPrompt: registrySystemPrompt(chatlens) }),
  })
  const summary = await runTraffic({
    chatlens,
    chatbot,
    clock,
    conversations,
    users,
    days,
    seed,
    now: Date.now(),
  })
  await chatlens.shutdown()
  const stats = chatlens.stats()
  if (stats.failed || stats.dropped) throw new Error(`the SDK lost ${stats.failed + stats.dropped} events`)
  await waitForEvaluations(s)
  return { turns: summary.turns, conversations: summary.conversations }
}

/**
 * The rest of what `chatlens demo` does after its traffic: the dataset `support-faq`, one run of
 * the production prompt over it, and recommendations from the traffic of the past `days`.
 */
export async function improveLikeTheDemo(s: TestServer, days = 7): Promise<void> {
  await demoImprovement((method, path, body) => s.call(method, path, body), { days })
}

/**
 * What the registry, experiment, dataset and recommendation pages are tested on: the built
 * dashboard, a server filled like `chatlens demo` (registry, experiment, dataset, a recommendation)
 * and a browser on a laptop-sized screen.
 */
export async function improvedDemoSession(conversations: number): Promise<{ s: TestServer; b: Browser }> {
  await ensureWebBuilt()
  const s = await startTestServer(sqlite)
  await fillWithDemo(s, { registry: true, conversations })
  await improveLikeTheDemo(s)
  return { s, b: await openBrowser({ width: 1366, height: 768 }) }
}
