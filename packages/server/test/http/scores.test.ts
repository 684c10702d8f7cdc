import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES } from '../support/engines.js'
import { ev } from '../support/events.js'
import { startTestServer, type TestServer } from '../support/server.js'

describe.each(ENGINES)('scores and feedback API on $name', (engine) => {
  let s: TestServer
  beforeAll(async () => {
    s = await startTestServer(engine)
    await s.call('POST', '/api/v1/ingest', {
      batch: [
        ev('trace-create', { id: 'st1', sessionId: 'sc1' }),
        ev('trace-create', { id: 'st2', sessionId: 'sc1' }),
        ev('score-create', { traceId: 'st1', name: 'helpfulness', value: 0.2, source: 'api' }),
        ev('score-create', { traceId: 'st2', name: 'helpfulness', value: 0.95, source: 'api' }),
        ev('score-create', { traceId: 'st2', name: 'tone', value: 'friendly', source: 'human' }),
        ev('score-create', { sessionId: 'sc1', name: 'resolved_by_bot', value: true }),
      ],
    })
  })
  afterAll(() => s?.close())

  it('creates a human score on a trace, span or conversation and lists it', async () => {
    const res = await s.call('POST', '/api/v1/scores', {
      traceId: 'st1',
      name: 'accuracy',
      value: 1,
      source: 'human',
      comment: 'checked',
    })
    expect(res.status).toBe(201)
    const list = await s.call('GET', '/api/v1/scores?traceId=st1&source=human', undefined, s.keys.read)
    expect(list.body.data.map((x: { name: string }) => x.name)).toEqual(['accuracy'])
    expect(list.body.data[0]).toMatchObject({ id: res.body.id, value: 1, comment: 'checked' })
  })

  it('answers a bad score with 400 naming the field, storing nothing', async () => {
    const res = await s.call('POST', '/api/v1/scores', { traceId: 'st1', name: 'x', value: [1] })
    expect(res.status).toBe(400)
    expect(res.body.error.field).toBe('value')
  })

  it('aggregates every score by name and source: mean, range, histogram, categories', async () => {
    const { body } = await s.call('GET', '/api/v1/scores/summary?source=api', undefined, s.keys.read)
    const helpfulness = body.data.find((x: { name: string }) => x.name === 'helpfulness')
    expect(helpfulness).toMatchObject({ count: 2, min: 0.2, max: 0.95 })
    expect(helpfulness.mean).toBeCloseTo(0.575, 10)
    expect(helpfulness.histogram).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0, 1])
    const all = await s.call('GET', '/api/v1/scores/summary', undefined, s.keys.read)
    expect(all.body.data.find((x: { name: string }) => x.name === 'tone')).toMatchObject({
      dataType: 'categorical',
      categories: { friendly: 1 },
    })
    expect(all.body.data.find((x: { name: string }) => x.name === 'resolved_by_bot')).toMatchObject({
      dataType: 'boolean',
      mean: 1,
    })
  })

  it('takes feedback over HTTP and lists it by conversation', async () => {
    const created = await s.call(
      'POST',
      '/api/v1/feedback',
      { sessionId: 'sc1', rating: 2, comment: 'slow' },
      s.keys.ingest,
    )
    expect(created.status).toBe(201)
    const { body } = await s.call('GET', '/api/v1/feedback?sessionId=sc1', undefined, s.keys.read)
    expect(body.data[0]).toMatchObject({ id: created.body.id, rating: 2, comment: 'slow' })
    const bad = await s.call('POST', '/api/v1/feedback', { sessionId: 'sc1', rating: 9 }, s.keys.ingest)
    expect(bad.body.error.field).toBe('rating')
  })
})
