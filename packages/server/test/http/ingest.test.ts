import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES } from '../support/engines.js'
import { ev, turn } from '../support/events.js'
import { startTestServer, type TestServer } from '../support/server.js'

describe.each(ENGINES)('ingestion API on $name', (engine) => {
  let s: TestServer
  beforeAll(async () => {
    s = await startTestServer(engine)
  })
  afterAll(() => s?.close())

  const ingest = (batch: unknown[], key?: string) => s.call('POST', '/api/v1/ingest', { batch }, key)

  it('stores a trace with its span and reads it back with the span tree and computed cost', async () => {
    const res = await ingest(turn('t-basic'))
    expect(res.status).toBe(207)
    expect(res.body.errors).toEqual([])
    expect(res.body.successes.map((x: { status: number }) => x.status)).toEqual([201, 201])

    const { status, body } = await s.call('GET', '/api/v1/traces/t-basic')
    expect(status).toBe(200)
    expect(body.trace).toMatchObject({
      id: 't-basic',
      bot: 'support',
      model: 'gpt-4o-mini',
      inputTokens: 1000,
      outputTokens: 200,
      totalTokens: 1200,
      latencyMs: 900,
      timeToFirstTokenMs: 210,
      tags: ['orders'],
      metadata: { channel: 'web' },
    })
    // gpt-4o-mini: $0.15 / 1M input, $0.60 / 1M output
    expect(body.trace.costUsd).toBeCloseTo(1000 * 0.15e-6 + 200 * 0.6e-6, 12)
    expect(body.spans).toHaveLength(1)
    expect(body.spanTree[0].span.kind).toBe('generation')
  })

  it('stores a duplicated event once', async () => {
    const event = ev('score-create', { traceId: 't-basic', name: 'helpfulness', value: 0.8 })
    const first = await ingest([event])
    const second = await ingest([event, event])
    expect(first.body.successes).toEqual([{ id: event.id, status: 201 }])
    expect(second.body.successes).toEqual([
      { id: event.id, status: 200, duplicate: true },
      { id: event.id, status: 200, duplicate: true },
    ])
    const { body } = await s.call('GET', '/api/v1/traces/t-basic')
    expect(body.scores.filter((x: { name: string }) => x.name === 'helpfulness')).toHaveLength(1)
  })

  it('merges an update into what was stored', async () => {
    await ingest([ev('trace-create', { id: 't-merge', input: 'hi', tags: ['a'], metadata: { x: 1, y: 1 } })])
    await ingest([ev('trace-update', { id: 't-merge', output: 'hello', tags: ['b'], metadata: { y: 2 } })])
    const { body } = await s.call('GET', '/api/v1/traces/t-merge')
    expect(body.trace).toMatchObject({ input: 'hi', output: 'hello', metadata: { x: 1, y: 2 } })
    expect(body.trace.tags.sort()).toEqual(['a', 'b'])
  })

  it('keeps the good events of a batch when one is bad, and names the bad field', async () => {
    const good = ev('trace-create', { id: 't-good' })
    const bad = ev('trace-create', { id: 't-bad', latencyMs: 'slow' })
    const res = await ingest([good, bad, { type: 'nope' }])
    expect(res.status).toBe(207)
    expect(res.body.successes).toEqual([{ id: good.id, status: 201 }])
    expect(res.body.errors).toHaveLength(2)
    expect(res.body.errors[0]).toMatchObject({ id: bad.id, index: 1, status: 400, field: 'body.latencyMs' })
    expect(res.body.errors[1]).toMatchObject({ index: 2, status: 400 })
    expect((await s.call('GET', '/api/v1/traces/t-good')).status).toBe(200)
    expect((await s.call('GET', '/api/v1/traces/t-bad')).status).toBe(404)
  })

  it('warns about unknown fields instead of dropping the event', async () => {
    const e = ev('trace-create', { id: 't-warn', latency: 5 })
    const res = await ingest([e])
    expect(res.body.successes[0]).toEqual({
      id: e.id,
      status: 201,
      warnings: ['body.latency: unknown field, ignored'],
    })
  })

  it('rejects an oversized field on its own event', async () => {
    const big = ev('trace-create', { id: 't-big', input: 'x'.repeat(1_000_001) })
    const res = await ingest([big])
    expect(res.body.errors[0]).toMatchObject({ id: big.id, field: 'body.input' })
    expect((await s.call('GET', '/api/v1/traces/t-big')).status).toBe(404)
  })

  it('creates the trace from spans that arrive first and rolls their usage up into it', async () => {
    const [span] = turn('t-early')
    await ingest([span])
    const early = await s.call('GET', '/api/v1/traces/t-early')
    expect(early.body.trace).toMatchObject({ totalTokens: 1200, model: 'gpt-4o-mini' })
    await ingest([turn('t-early')[1]!])
    const { body } = await s.call('GET', '/api/v1/traces/t-early')
    expect(body.trace).toMatchObject({ bot: 'support', totalTokens: 1200, latencyMs: 900 })
  })

  it('counts tokens with the tokenizer when the caller sent none', async () => {
    await ingest([
      ev('trace-create', {
        id: 't-count',
        model: 'gpt-4o',
        input: 'Hello world',
        output: 'Hi there, how can I help?',
      }),
    ])
    const { body } = await s.call('GET', '/api/v1/traces/t-count')
    expect(body.trace.inputTokens).toBe(2)
    expect(body.trace.outputTokens).toBe(8)
    expect(body.trace.costUsd).toBeCloseTo(2 * 2.5e-6 + 8 * 10e-6, 12)
  })

  it('prices with the project override over the table', async () => {
    const put = await s.call('PUT', '/api/v1/project/settings', {
      priceOverrides: [{ pattern: 'house-model', inputPerToken: 0.001, outputPerToken: 0.002 }],
    })
    expect(put.status).toBe(200)
    await ingest([
      ev('trace-create', { id: 't-house', model: 'house-model', inputTokens: 10, outputTokens: 5 }),
    ])
    const { body } = await s.call('GET', '/api/v1/traces/t-house')
    expect(body.trace.costUsd).toBeCloseTo(0.02, 12)
  })

  it('opens a conversation from its turns and records how it ended', async () => {
    await ingest([...turn('t-s1', { sessionId: 'conv-1' }), ...turn('t-s2', { sessionId: 'conv-1' })])
    await ingest([
      ev('session-update', {
        id: 'conv-1',
        satisfaction: 0.9,
        resolved: true,
        stage: 'farewell',
        endedAt: Date.now(),
      }),
    ])
    const { body } = await s.call('GET', '/api/v1/sessions/conv-1')
    expect(body.session).toMatchObject({
      userId: 'user-1',
      bot: 'support',
      satisfaction: 0.9,
      resolved: true,
      stage: 'farewell',
    })
    expect(body.stats.turns).toBe(2)
    expect(body.turns.map((t: { id: string }) => t.id).sort()).toEqual(['t-s1', 't-s2'])
    const list = await s.call('GET', '/api/v1/sessions?resolved=true')
    expect(list.body.data.map((x: { id: string }) => x.id)).toContain('conv-1')
  })

  it('stores feedback on a trace', async () => {
    await ingest([
      ev('feedback-create', {
        traceId: 't-basic',
        thumbs: 'down',
        comment: 'wrong order',
        correction: 'It shipped today.',
      }),
    ])
    const { body } = await s.call('GET', '/api/v1/traces/t-basic')
    expect(body.feedback[0]).toMatchObject({
      thumbs: 'down',
      comment: 'wrong order',
      correction: 'It shipped today.',
    })
  })
})
