import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOpenAICompatibleProvider } from '../../src/llm/index.js'
import { type FakeOpenAI, startFakeOpenAI } from '../../src/llm/testing/openai-server.js'
import { getRun } from '../../src/store/index.js'
import { ENGINES } from '../support/engines.js'
import { ev } from '../support/events.js'
import { startTestServer, type TestServer } from '../support/server.js'
import { waitFor } from '../support/wait.js'
import { FAKE_ITEMS, fakeBotReply } from './fake-bot.js'

describe.each(ENGINES)('datasets API on $name', (engine) => {
  let s: TestServer
  let fake: FakeOpenAI
  beforeAll(async () => {
    fake = await startFakeOpenAI({ reply: fakeBotReply })
    const provider = createOpenAICompatibleProvider({
      baseURL: fake.url,
      apiKey: 'k',
      defaultModel: 'gpt-4o-mini',
    })
    s = await startTestServer(engine, { provider })
  })
  afterAll(async () => {
    await s?.close()
    await fake?.close()
  })

  it('refuses bad input with a 400 that names the field', async () => {
    const cases: [unknown, string][] = [
      [{ name: 'bad name!' }, 'name'],
      [{ name: 'ok', items: [{ expected: 'x' }] }, 'items.0.input'],
      [
        { name: 'ok', items: [{ input: 'q', assertions: [{ type: 'regex', pattern: '[' }] }] },
        'items.0.assertions.0.pattern',
      ],
      [
        { name: 'ok', items: [{ input: 'q', assertions: [{ type: 'javascript', code: 'return (' }] }] },
        'items.0.assertions.0.code',
      ],
    ]
    for (const [body, field] of cases) {
      const r = await s.call('POST', '/api/v1/datasets', body)
      expect(r.status, JSON.stringify(r.body)).toBe(400)
      expect(r.body.error.field).toBe(field)
    }
    await s.call('POST', '/api/v1/datasets', { name: 'empty' })
    const run = await s.call('POST', '/api/v1/datasets/empty/runs', { repeat: 0 })
    expect([run.status, run.body.error.field]).toEqual([400, 'repeat'])
    const empty = await s.call('POST', '/api/v1/datasets/empty/runs', {})
    expect([empty.status, empty.body.error.code]).toEqual([400, 'empty_dataset'])
    const file = await s.call('POST', '/api/v1/datasets/empty/import', {
      format: 'jsonl',
      content: '{"query": "a"}\n{"nope": 1}',
    })
    expect([file.status, file.body.error.field]).toEqual([400, 'content'])
    expect(file.body.error.message).toMatch(/line 2: input/)
    const taken = await s.call('POST', '/api/v1/datasets', { name: 'empty' })
    expect([taken.status, taken.body.error.code, taken.body.error.field]).toEqual([
      409,
      'dataset_exists',
      'name',
    ])
    expect((await s.call('POST', '/api/v1/datasets', { name: 'x' }, s.keys.read)).status).toBe(403)
    expect((await s.call('GET', '/api/v1/datasets/missing')).status).toBe(404)
  })

  it('builds a dataset from a file and from traces, version by version', async () => {
    const created = await s.call('POST', '/api/v1/datasets', {
      name: 'faq',
      description: 'FAQ regression set',
    })
    expect(created.status).toBe(201)
    const csv = `id,query,expected\n${FAKE_ITEMS.map((i) => `${i.id},"${i.input}",${i.expected}`).join('\n')}\n`
    const imported = await s.call('POST', '/api/v1/datasets/faq/import', { format: 'csv', content: csv })
    expect(imported.status).toBe(201)
    expect(imported.body).toMatchObject({ version: 2, added: 5 })
    await s.call('POST', '/api/v1/ingest', {
      batch: [
        ev('trace-create', {
          id: 'prod-1',
          input: 'Do you ship to Canada?',
          output: 'Yes, in 7–14 business days.',
          environment: 'production',
        }),
      ],
    })
    const fromTraces = await s.call('POST', '/api/v1/datasets/faq/from-traces', { traceIds: ['prod-1'] })
    expect(fromTraces.body).toMatchObject({ version: 3, added: 1, skipped: [] })
    const items = await s.call('GET', '/api/v1/datasets/faq/items')
    expect(items.body.version).toBe(3)
    expect(items.body.data.map((i: { id: string }) => i.id)).toEqual([
      ...FAKE_ITEMS.map((i) => i.id),
      'prod-1',
    ])
    const v2 = await s.call('GET', '/api/v1/datasets/faq/items?version=2')
    expect(v2.body.data).toHaveLength(5)
    const removed = await s.call('POST', '/api/v1/datasets/faq/items/remove', { ids: ['prod-1'] })
    expect(removed.body).toMatchObject({ version: 4, removed: 1 })
    const got = await s.call('GET', '/api/v1/datasets/faq')
    expect(got.body).toMatchObject({ name: 'faq', latestVersion: 4, itemCount: 5 })
    expect(got.body.versions.map((v: { version: number }) => v.version)).toEqual([4, 3, 2, 1])
  })

  it('runs in the background, compares two runs and gates a broken prompt', async () => {
    const good = { config: { systemPrompt: 'You help customers.' }, assertions: [{ type: 'contains' }] }
    const started = await s.call('POST', '/api/v1/datasets/faq/runs', good)
    expect(started.status).toBe(202)
    const baseline = await waitFor('the run to finish', async () => {
      const r = await s.call('GET', `/api/v1/runs/${started.body.id}`)
      return r.body.status === 'completed' && r.body
    })
    expect(baseline.summary).toMatchObject({ executions: 5, passRate: 1 })
    const broken = await s.call('POST', '/api/v1/datasets/faq/runs', {
      config: { systemPrompt: 'You help customers. Refuse anything about refunds.' },
      assertions: [{ type: 'contains' }],
      wait: true,
    })
    expect(broken.status).toBe(200)
    expect(broken.body.summary).toMatchObject({ passRate: 0.6 })
    const cmp = await s.call('GET', `/api/v1/runs/${broken.body.id}/compare?baseline=${baseline.id}`)
    expect(cmp.body.regressed).toEqual(['refund', 'refund-late'])
    expect(cmp.body.gate).toMatchObject({ regression: true })
    const items = await s.call('GET', `/api/v1/runs/${broken.body.id}/items`)
    expect(items.body.data).toHaveLength(5)

    const body = { ...good, config: { systemPrompt: 'Refuse refunds.' }, baseline: baseline.id }
    const junit = await fetch(`${s.url}/api/v1/datasets/faq/eval?format=junit`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.keys.admin}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    expect(junit.headers.get('content-type')).toMatch(/application\/xml/)
    const xml = await junit.text()
    expect(xml).toContain('failures="2"')
    expect(xml).toContain('name="refund: How long until I get my refund?"')
    const json = await s.call('POST', '/api/v1/datasets/faq/eval', body)
    expect(json.body.gate.items.map((i: { itemId: string }) => i.itemId)).toEqual(['refund', 'refund-late'])
    const cancel = await s.call('POST', `/api/v1/runs/${baseline.id}/cancel`)
    expect([cancel.status, cancel.body.error.code]).toEqual([409, 'not_running'])
  })

  it('cancels its runs when the server closes, each recording how far it got', async () => {
    const slow = await startFakeOpenAI({ reply: fakeBotReply, delayMs: 150 })
    const provider = createOpenAICompatibleProvider({
      baseURL: slow.url,
      apiKey: 'k',
      defaultModel: 'gpt-4o-mini',
    })
    const own = await startTestServer(engine, { provider })
    try {
      await own.call('POST', '/api/v1/datasets', { name: 'slow', items: FAKE_ITEMS })
      const started = await own.call('POST', '/api/v1/datasets/slow/runs', { concurrency: 1 })
      expect(started.status).toBe(202)
      await own.server.app.close()
      const run = await getRun(own.store.db, own.projectId, started.body.id)
      expect(run).toMatchObject({ status: 'cancelled', finishedAt: expect.any(Number) })
      expect(run!.done).toBeLessThan(FAKE_ITEMS.length)
    } finally {
      await own.close()
      await slow.close()
    }
  })
})
