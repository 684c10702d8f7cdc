import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOpenAICompatibleProvider, createSimulatedProvider } from '../../src/llm/index.js'
import { type FakeOpenAI, startFakeOpenAI } from '../../src/llm/testing/openai-server.js'
import { optimizeIntervalMs } from '../../src/optimize/index.js'
import { createPromptVersion } from '../../src/prompts/index.js'
import { ENGINES } from '../support/engines.js'
import { startTestServer, type TestServer } from '../support/server.js'
import { seedLowQualityBilling } from './traffic.js'

const PROPOSED =
  'You are the support assistant of an online store. Quote exact policies, amounts and next steps.'
const ADVICE = {
  insights: ['Billing answers are vague.'],
  recommendations: [
    {
      title: 'Quote billing policies',
      rationale: 'Billing quality is 0.55.',
      priority: 'high',
      effort: 'low',
      expectedEffect: 'Billing quality up.',
    },
  ],
  promptImprovements: ['Ask for exact amounts.'],
  monitoringSuggestions: ['Alert on billing quality under 0.6.'],
  proposedSystemPrompt: PROPOSED,
}

describe.each(ENGINES)('recommendations and optimize API on $name', (engine) => {
  let s: TestServer
  let fake: FakeOpenAI
  let reply = JSON.stringify(ADVICE)
  beforeAll(async () => {
    fake = await startFakeOpenAI({ reply: () => reply })
    const provider = createOpenAICompatibleProvider({
      baseURL: fake.url,
      apiKey: 'k',
      defaultModel: 'gpt-4o-mini',
    })
    s = await startTestServer(engine, { provider })
    const { db } = s.store
    await seedLowQualityBilling(db, s.projectId, { turns: 40, quality: 0.55 })
  })
  afterAll(async () => {
    await s?.close()
    await fake?.close()
  })

  it('refuses bad input with a 400 that names the field', async () => {
    const cases: [string, string, unknown, string][] = [
      ['POST', '/api/v1/recommendations/generate', { window: '200d' }, 'window'],
      ['POST', '/api/v1/recommendations/generate', { llm: 'yes' }, 'llm'],
      ['PATCH', '/api/v1/recommendations/x', { status: 'bogus' }, 'status'],
      ['POST', '/api/v1/recommendations/x/apply', { candidateShare: 2 }, 'candidateShare'],
      ['POST', '/api/v1/optimize/cycle', { scope: 'some' }, 'scope'],
      ['GET', '/api/v1/optimize/actions?kind=explode', undefined, 'kind'],
    ]
    for (const [method, path, body, field] of cases) {
      const r = await s.call(method, path, body)
      expect(r.status, `${method} ${path}: ${JSON.stringify(r.body)}`).toBe(400)
      expect(r.body.error.field).toBe(field)
    }
    expect((await s.call('POST', '/api/v1/recommendations/nope/apply', {})).status).toBe(404)
    expect((await s.call('POST', '/api/v1/optimize/actions/nope/revert')).status).toBe(404)
    expect((await s.call('POST', '/api/v1/recommendations/generate', {}, s.keys.read)).status).toBe(403)
  })

  it('generates, lists, applies and reports the cycle over HTTP', async () => {
    const gen = await s.call('POST', '/api/v1/recommendations/generate', { window: '24h' })
    expect(gen.status).toBe(200)
    expect(gen.body.llm).toBeNull()
    const rec = gen.body.rules.created.find((r: { rule: string }) => r.rule === 'low_quality_category')
    expect(rec.evidence).toMatchObject({ category: 'billing', qualityMean: 0.55, evaluated: 40 })
    const list = await s.call('GET', '/api/v1/recommendations?status=open', undefined, s.keys.read)
    expect(list.body.data.map((r: { id: string }) => r.id)).toContain(rec.id)
    const applied = await s.call('POST', `/api/v1/recommendations/${rec.id}/apply`, { minimumEffect: 0.1 })
    expect(applied.status).toBe(201)
    expect(applied.body.experiment).toMatchObject({
      status: 'running',
      settings: { minimumEffect: 0.1, sequential: true },
    })
    const cycle = await s.call('POST', '/api/v1/optimize/cycle', { dryRun: true })
    expect(cycle.body.checks).toMatchObject([{ experiment: applied.body.experiment.key, outcome: 'waiting' }])
    const actions = await s.call('GET', '/api/v1/optimize/actions', undefined, s.keys.read)
    expect(actions.body.data).toMatchObject([{ kind: 'apply', experimentKey: applied.body.experiment.key }])
    const status = await s.call('PATCH', `/api/v1/recommendations/${rec.id}`, { status: 'dismissed' })
    expect([status.status, status.body.error.code]).toEqual([409, 'has_experiment'])
  })

  it('stores LLM-written recommendations validated against the schema, naming the provider', async () => {
    const gen = await s.call('POST', '/api/v1/recommendations/generate', { window: '24h', llm: true })
    expect(gen.status).toBe(200)
    expect(gen.body.llm).toMatchObject({ provider: 'openai-compatible', simulated: false, advice: ADVICE })
    const stored = gen.body.llm.stored
    expect(stored.map((r: { rule: string }) => r.rule)).toEqual(['llm', 'llm_system_prompt'])
    expect(stored[0]).toMatchObject({
      source: 'llm',
      title: 'Quote billing policies',
      priority: 'high',
      proposal: { kind: 'manual' },
    })
    const prompt = stored[1]
    expect(prompt.proposal).toMatchObject({ kind: 'prompt', promptName: 'support', systemPrompt: PROPOSED })
    const applied = await s.call('POST', `/api/v1/recommendations/${prompt.id}/apply`, {})
    expect(applied.body.version.messages).toEqual([{ role: 'system', content: PROPOSED }])

    reply = '{"insights": "not a list"}'
    const bad = await s.call('POST', '/api/v1/recommendations/generate', { window: '24h', llm: true })
    expect([bad.status, bad.body.error.code]).toEqual([502, 'llm_invalid_output'])
    expect(bad.body.error.message).toMatch(/insights/)
  })

  it('stores nothing the simulated provider "writes", and labels its answer', async () => {
    const sim = await startTestServer(engine, { provider: createSimulatedProvider() })
    try {
      await createPromptVersion(
        sim.store.db,
        sim.projectId,
        'support',
        { messages: [{ role: 'system', content: 'You help.' }], labels: ['production'] },
        'test',
      )
      const gen = await sim.call('POST', '/api/v1/recommendations/generate', { window: '24h', llm: true })
      expect(gen.body.llm).toMatchObject({ provider: 'simulated', simulated: true, stored: [] })
    } finally {
      await sim.close()
    }
  })

  it('schedules the cycle only when asked to', () => {
    expect(optimizeIntervalMs({})).toBeNull()
    expect(optimizeIntervalMs({ CHATLENS_OPTIMIZE_INTERVAL_MS: '1000' })).toBeNull()
    expect(optimizeIntervalMs({ CHATLENS_OPTIMIZE_INTERVAL_MS: '600000' })).toBe(600_000)
  })
})
