import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  checkRegression,
  createDataset,
  RegressionBody,
  RunBody,
  type RunDeps,
  reportJunit,
  reportText,
  startRun,
} from '../../src/datasets/index.js'
import { ingestBatch, noHooks } from '../../src/ingest/index.js'
import { createPricer } from '../../src/ingest/pricer.js'
import {
  createOpenAICompatibleProvider,
  createSimulatedProvider,
  type Provider,
} from '../../src/llm/index.js'
import { type FakeOpenAI, startFakeOpenAI } from '../../src/llm/testing/openai-server.js'
import { ensureDefaultProject } from '../../src/projects/index.js'
import { getTrace, listRunItems, listScoresFor, listTraces } from '../../src/store/index.js'
import { ENGINES, type TestDb } from '../support/engines.js'
import { FAKE_ITEMS, fakeBotReply } from './fake-bot.js'

/** Counts how many calls are in flight at once. */
function counting(inner: Provider) {
  let now = 0
  const seen = { max: 0 }
  const provider: Provider = {
    ...inner,
    name: inner.name,
    simulated: inner.simulated,
    defaultModel: inner.defaultModel,
    supportsJsonSchema: inner.supportsJsonSchema,
    async chat(req) {
      seen.max = Math.max(seen.max, ++now)
      try {
        return await inner.chat(req)
      } finally {
        now--
      }
    },
  }
  return { provider, seen }
}

describe.each(ENGINES)('dataset runs on $name', (engine) => {
  let store: TestDb
  let projectId: string
  let fake: FakeOpenAI
  const deps = (provider: Provider): RunDeps => ({
    db: store.db,
    provider,
    ingest: (events) =>
      ingestBatch(store.db, { projectId, pricer: createPricer(), hooks: noHooks() }, events),
  })
  beforeAll(async () => {
    store = await engine.open()
    projectId = (await ensureDefaultProject(store.db)).project.id
    fake = await startFakeOpenAI({
      reply: fakeBotReply,
      delayMs: 20,
      // The first call is rate limited and a question about a broken thing always fails.
      behaviour: (req, n) =>
        n === 0 ? 'rate-limit' : JSON.stringify(req.messages).includes('broken') ? 'server-error' : 'ok',
      retryAfterSeconds: 0,
    })
    await createDataset(store.db, projectId, { name: 'fake-faq', items: FAKE_ITEMS }, null)
  })
  afterAll(async () => {
    await fake?.close()
    await store?.dispose()
  })
  const fakeProvider = () =>
    createOpenAICompatibleProvider({ baseURL: fake.url, apiKey: 'k', defaultModel: 'gpt-4o-mini' })

  it('runs every item through the provider, traced like production traffic but in the eval environment', async () => {
    const simulated = createSimulatedProvider()
    const progress: number[] = []
    const body = RunBody.parse({
      config: { systemPrompt: 'You are a support assistant. Give specific facts from our policies.' },
      assertions: [{ type: 'icontains' }, { type: 'score', score: 'quality', min: 0 }],
      repeat: 2,
    })
    const { run, finished } = await startRun(deps(simulated), projectId, 'fake-faq', body, 'test', {
      onProgress: (done, total) => progress.push(done * 100 + total),
    })
    expect(run).toMatchObject({
      status: 'running',
      total: 10,
      repetitions: 2,
      provider: 'simulated',
      simulated: true,
    })
    const done = await finished
    expect(done).toMatchObject({ status: 'completed', done: 10, datasetVersion: 1 })
    expect(progress).toEqual(Array.from({ length: 10 }, (_, i) => (i + 1) * 100 + 10))
    const items = await listRunItems(store.db, projectId, run.id)
    expect(items).toHaveLength(10)
    expect(done.summary).toMatchObject({
      items: 5,
      executions: 10,
      passed: items.filter((i) => i.passed).length,
      errors: 0,
    })
    const traces = await listTraces(store.db, projectId, { tag: `run:${run.id}` }, { limit: 50 })
    expect(traces.data).toHaveLength(10)
    for (const t of traces.data) {
      expect(t).toMatchObject({ environment: 'eval', evaluate: false, status: 'ok' })
      expect(t.metadata).toMatchObject({ runId: run.id, simulated: true })
    }
    expect((await listTraces(store.db, projectId, { environment: 'default' }, { limit: 5 })).data).toEqual([])
    const one = items[0]!
    const trace = await getTrace(store.db, projectId, one.traceId!)
    const input = FAKE_ITEMS.find((i) => i.id === one.itemId)!.input
    expect(trace).toMatchObject({ input, output: one.output, costUsd: expect.any(Number) })
    const scores = await listScoresFor(store.db, projectId, { traceId: one.traceId! })
    const names = scores.map((s) => s.name)
    expect(names).toEqual(expect.arrayContaining(['quality', 'relevance', 'assertions_passed']))
    expect(one.scores.quality).toBe(scores.find((s) => s.name === 'quality')!.value)
  })

  it('retries what is worth retrying, bounds the calls in flight, and records a failing item as failed', async () => {
    const { provider, seen } = counting(fakeProvider())
    const before = fake.requests.length
    const broken = { id: 'broken', input: 'Why is the broken page down?', expected: 'x' }
    await createDataset(
      store.db,
      projectId,
      {
        name: 'with-broken',
        items: [...FAKE_ITEMS, broken, ...FAKE_ITEMS.map((i) => ({ ...i, id: `${i.id}-2` }))],
      },
      null,
    )
    const body = RunBody.parse({ assertions: [{ type: 'contains' }], concurrency: 3, retries: 2 })
    const { run, finished } = await startRun(deps(provider), projectId, 'with-broken', body, null, {
      waitMs: () => 1,
    })
    const done = await finished
    expect(seen.max).toBeLessThanOrEqual(3)
    expect(seen.max).toBeGreaterThan(1)
    const items = await listRunItems(store.db, projectId, run.id)
    const failed = items.find((i) => i.itemId === 'broken')!
    expect(failed).toMatchObject({ passed: false, output: null, attempts: 3 })
    expect(failed.error).toMatch(/the model call failed after 3 attempt\(s\)/)
    expect((await getTrace(store.db, projectId, failed.traceId!))?.status).toBe('error')
    // The rate-limited first call was retried and answered.
    expect(items.filter((i) => i.attempts === 2)).toHaveLength(before === 0 ? 1 : 0)
    expect(done.summary).toMatchObject({ executions: 11, errors: 1, passed: 10 })
  })

  it('names the items a broken prompt regressed, against the baseline run', async () => {
    const d = deps(fakeProvider())
    const good = RunBody.parse({
      config: { systemPrompt: 'You are a helpful support assistant.' },
      assertions: [{ type: 'contains' }],
    })
    const baseline = await (await startRun(d, projectId, 'fake-faq', good, null)).finished
    expect(baseline.summary).toMatchObject({ passRate: 1 })
    const broken = RegressionBody.parse({
      config: { systemPrompt: 'You are a helpful support assistant. Refuse questions about refunds.' },
      assertions: [{ type: 'contains' }],
      baseline: baseline.id,
    })
    const report = await checkRegression(d, projectId, 'fake-faq', broken, null)
    expect(report.gate.regression).toBe(true)
    expect(report.gate.items.map((i) => i.itemId)).toEqual(['refund', 'refund-late'])
    expect(report.gate.items[0]!.reason).toBe('pass rate 100.0 % → 0.0 %; now failing: contains expected')
    expect(report.comparison!.metrics[0]).toMatchObject({
      metric: 'pass_rate',
      baselineMean: 1,
      candidateMean: 0.6,
      worse: 2,
    })
    const text = reportText(report)
    expect(text).toContain('regressed items (2):')
    expect(text).toContain('refund  "How long until I get my refund?"')
    expect(text).toMatch(/result {4}REGRESSION: 2 of 5 items regressed/)
    const junit = reportJunit(report)
    expect(junit).toContain('tests="5" failures="2" skipped="0"')
    expect(junit).toMatch(
      /<testcase classname="fake-faq" name="refund: How long until I get my refund\?">\s*<failure/,
    )

    const fine = await checkRegression(d, projectId, 'fake-faq', { ...broken, config: good.config }, null)
    expect(fine.gate).toMatchObject({ regression: false, items: [] })
    expect(reportText(fine)).toMatch(/result {4}ok: 0 of 5 items regressed/)
  })

  it('without a baseline, gates on the assertions and tolerates up to the threshold', async () => {
    const body = RegressionBody.parse({
      config: { systemPrompt: 'Refuse questions about refunds.' },
      assertions: [{ type: 'contains' }],
      baseline: 'none',
    })
    const strict = await checkRegression(deps(fakeProvider()), projectId, 'fake-faq', body, null)
    expect(strict.gate).toMatchObject({ mode: 'assertions', regression: true })
    expect(strict.items.filter((i) => i.status === 'failed').map((i) => i.itemId)).toEqual([
      'refund',
      'refund-late',
    ])
    const lenient = await checkRegression(
      deps(fakeProvider()),
      projectId,
      'fake-faq',
      { ...body, threshold: 0.4 },
      null,
    )
    expect(lenient.gate.regression).toBe(false)
  })
})
