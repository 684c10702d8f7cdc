import { Chatlens } from '@chatlens/sdk'
import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FakeOpenAI, startFakeOpenAI } from '../../src/llm/testing/openai-server.js'
import { createApiKey } from '../../src/projects/index.js'
import { startServer } from '../../src/server.js'
import { ENGINES } from '../support/engines.js'
import { startTestServer, type TestServer } from '../support/server.js'
import { waitFor } from '../support/wait.js'

/** The real SDK against the real server: what users run. */
describe.each(ENGINES)('the SDK against a chatlens server on $name', (engine) => {
  let s: TestServer
  let fake: FakeOpenAI
  beforeAll(async () => {
    s = await startTestServer(engine)
    fake = await startFakeOpenAI({ reply: () => 'Your order ships tomorrow.' })
  })
  afterAll(async () => {
    await fake?.close()
    await s?.close()
  })

  it('stores a turn with nested spans, an OpenAI generation (streamed too), feedback and how the conversation ended', async () => {
    const cl = new Chatlens({ apiKey: s.keys.ingest, baseUrl: s.url, bot: 'shop-bot', version: '3.0.0' })
    const openai = cl.wrapOpenAI(new OpenAI({ baseURL: fake.url, apiKey: 'test' }))
    const traceId = await cl.trace(
      'support-turn',
      async (t) => {
        await cl.span('retrieve', async () => ['Orders ship within 24 hours.'], { kind: 'retrieval' })
        const plain = await openai.chat.completions.create({
          model: 'gpt-4o-mini',
          temperature: 0.2,
          messages: [{ role: 'user', content: 'Where is my order?' }],
        })
        const stream = await openai.chat.completions.create({
          model: 'gpt-4o-mini',
          stream: true,
          stream_options: { include_usage: true },
          messages: [{ role: 'user', content: 'And the tracking number?' }],
        })
        let streamed = ''
        for await (const chunk of stream) streamed += chunk.choices[0]?.delta?.content ?? ''
        t.update({ output: `${plain.choices[0]!.message.content} ${streamed}` })
        return t.id
      },
      { userId: 'ann', sessionId: 'conv-sdk', input: 'Where is my order?' },
    )
    cl.feedback({ traceId, thumbs: 'up', rating: 5 })
    cl.endConversation('conv-sdk', { satisfaction: 0.9, resolved: true, stage: 'farewell' })
    await cl.shutdown()
    expect(cl.stats()).toMatchObject({ dropped: 0, failed: 0 })

    const { body } = await s.call('GET', `/api/v1/traces/${traceId}`, undefined, s.keys.read)
    expect(body.trace).toMatchObject({
      bot: 'shop-bot',
      version: '3.0.0',
      userId: 'ann',
      model: 'gpt-4o-mini',
    })
    expect(body.trace.totalTokens).toBeGreaterThan(0)
    expect(body.trace.costUsd).toBeGreaterThan(0)
    const kinds = body.spans.map((x: { kind: string }) => x.kind).sort()
    expect(kinds).toEqual(['generation', 'generation', 'retrieval'])
    const streamedSpan = body.spans.find(
      (x: { parameters: { stream?: boolean } | null }) => x.parameters?.stream,
    )
    expect(streamedSpan.completionStartTime).toBeGreaterThan(0)
    expect(streamedSpan.outputTokens).toBeGreaterThan(0)
    expect(body.feedback[0]).toMatchObject({ thumbs: 'up', rating: 5 })
    const session = await s.call('GET', '/api/v1/sessions/conv-sdk', undefined, s.keys.read)
    expect(session.body.session).toMatchObject({
      userId: 'ann',
      satisfaction: 0.9,
      resolved: true,
      stage: 'farewell',
    })
  })

  it('keeps events while the server is down and delivers them when it is back', async () => {
    const store = await engine.open()
    let server = await startServer({ db: store.db, port: 0, background: false })
    const port = new URL(server.url).port
    const { secret } = await createApiKey(store.db, server.project.id, { scopes: ['ingest', 'read'] })
    await server.close()
    const warnings: unknown[] = []
    const cl = new Chatlens({
      apiKey: secret,
      baseUrl: `http://127.0.0.1:${port}`,
      flushIntervalMs: 50,
      flushTimeoutMs: 300,
      onError: (e) => warnings.push(e),
    })
    const answer = await cl.trace('while-down', async () => 'still answered', { id: 'down-1' })
    expect(answer).toBe('still answered')
    await cl.flush()
    expect(cl.stats().sent).toBe(0)
    server = await startServer({ db: store.db, port: Number(port), background: false })
    try {
      await waitFor('delivery after recovery', async () => cl.stats().sent >= 1, 20_000)
      const res = await fetch(`${server.url}/api/v1/traces/down-1`, {
        headers: { authorization: `Bearer ${secret}` },
      })
      expect(res.status).toBe(200)
      expect(cl.stats()).toMatchObject({ dropped: 0, failed: 0 })
    } finally {
      await cl.shutdown()
      await server.close()
      await store.dispose()
    }
  })
})
