import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_BATCH_EVENTS, MAX_BODY_BYTES } from '../../src/model/index.js'
import { ENGINES } from '../support/engines.js'
import { ev } from '../support/events.js'
import { startTestServer, type TestServer } from '../support/server.js'

describe.each(ENGINES)('bad input on $name', (engine) => {
  let s: TestServer
  beforeAll(async () => {
    s = await startTestServer(engine)
  })
  afterAll(() => s?.close())

  const traceCount = async () =>
    Number((await s.store.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM traces'))!.n)

  it('answers malformed JSON with 400 invalid_json and stores nothing', async () => {
    const before = await traceCount()
    const res = await s.call('POST', '/api/v1/ingest', '{"batch": [ {"id": "x", "type": "trace-create", ')
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('invalid_json')
    expect(await traceCount()).toBe(before)
  })

  it('answers a body without a batch with 400 naming the field', async () => {
    const res = await s.call('POST', '/api/v1/ingest', { events: [] })
    expect(res.status).toBe(400)
    expect(res.body.error).toMatchObject({ code: 'invalid_request', field: 'batch' })
  })

  it(`refuses more than ${MAX_BATCH_EVENTS} events in one batch`, async () => {
    const batch = Array.from({ length: MAX_BATCH_EVENTS + 1 }, () => ev('trace-create', {}))
    const res = await s.call('POST', '/api/v1/ingest', { batch })
    expect(res.status).toBe(400)
    expect(res.body.error.field).toBe('batch')
    expect(res.body.error.message).toMatch(/1000/)
  })

  it('refuses an oversized body with 413 and keeps serving', async () => {
    const before = await traceCount()
    const filler = 'x'.repeat(900_000)
    const batch = Array.from({ length: Math.ceil(MAX_BODY_BYTES / filler.length) + 1 }, () =>
      ev('trace-create', { input: filler }),
    )
    const res = await s.call('POST', '/api/v1/ingest', { batch })
    expect(res.status).toBe(413)
    expect(res.body.error.code).toBe('payload_too_large')
    expect(await traceCount()).toBe(before)
    expect((await fetch(`${s.url}/health`)).status).toBe(200)
  })

  it('refuses a non-JSON content type with 415', async () => {
    const res = await fetch(`${s.url}/api/v1/ingest`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.keys.ingest}`, 'content-type': 'text/plain' },
      body: 'hello',
    })
    expect(res.status).toBe(415)
  })

  it('rejects wrong types field by field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ id: 't', timestamp: 'yesterday' }, 'body.timestamp'],
      [{ id: 't', inputTokens: -1 }, 'body.inputTokens'],
      [{ id: 't', tags: 'a,b' }, 'body.tags'],
      [{ id: 'x'.repeat(201) }, 'body.id'],
      [{ id: 't', status: 'failed' }, 'body.status'],
      [{ id: 't', timestamp: 1_700_000_000 }, 'body.timestamp'],
    ]
    const res = await s.call('POST', '/api/v1/ingest', {
      batch: cases.map(([body]) => ev('trace-create', body)),
    })
    expect(res.status).toBe(207)
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(cases.map(([, field]) => field))
  })

  it('rejects scores and feedback that point at nothing', async () => {
    const res = await s.call('POST', '/api/v1/ingest', {
      batch: [ev('score-create', { name: 'x', value: 1 }), ev('feedback-create', { traceId: 't' })],
    })
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.traceId', 'body.thumbs'])
  })

  it('answers an unknown route with 404 JSON and bad query values with 400', async () => {
    expect((await s.call('GET', '/api/v1/nothing')).body.error.code).toBe('not_found')
    const bad = await s.call('GET', '/api/v1/traces?limit=100000')
    expect(bad.status).toBe(400)
    expect(bad.body.error.field).toBe('limit')
    expect((await s.call('GET', '/api/v1/traces?cursor=garbage')).body.error.field).toBe('cursor')
  })
})
