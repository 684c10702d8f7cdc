import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Chatlens, type ChatlensError, type ChatlensOptions } from '../src/index.js'
import { type Sink, startSink } from './support/sink.js'
import { waitFor } from './support/wait.js'

let sink: Sink
const clients: Chatlens[] = []
let errors: ChatlensError[]
beforeEach(async () => {
  sink = await startSink()
  errors = []
})
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.shutdown()))
  await sink.close()
})

function client(options: ChatlensOptions = {}) {
  const cl = new Chatlens({
    apiKey: 'k',
    baseUrl: sink.url,
    flushIntervalMs: 60_000,
    onError: (e) => errors.push(e),
    ...options,
  })
  clients.push(cl)
  return cl
}

describe('retries', () => {
  it('retries 429 after Retry-After and 503 with backoff, then delivers the same events once', async () => {
    const at: number[] = []
    sink.respond((req) => {
      at.push(Date.now())
      if (req.n === 0)
        return { status: 429, body: { error: { message: 'slow down' } }, headers: { 'retry-after': '1' } }
      if (req.n === 1) return { status: 503, body: { message: 'restarting' } }
      return undefined
    })
    const cl = client()
    cl.trace('turn', () => 'ok')
    await cl.flush()
    expect(sink.requests).toHaveLength(3)
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(990)
    const ids = sink.requests.map((r) => r.batch.map((e) => e.id).join())
    expect(new Set(ids).size).toBe(1)
    expect(cl.stats()).toEqual({ queued: 0, sent: 1, dropped: 0, failed: 0, retried: 2 })
    expect(errors.map((e) => e.code)).toEqual(['server_unavailable'])
  })

  it('sends a batch the server finds too large (413) again in halves, and fails only an event too large alone', async () => {
    const LIMIT = 20_000
    sink.respond((req) =>
      req.bytes > LIMIT
        ? { status: 413, body: { error: { message: `request body is larger than ${LIMIT} bytes` } } }
        : undefined,
    )
    const cl = client()
    for (let i = 0; i < 40; i++) cl.trace(`turn ${i}`, () => 'x'.repeat(1_500))
    cl.trace('huge', () => 'y'.repeat(LIMIT))
    await cl.flush()
    const delivered = sink.events().map((e) => e.body.name)
    expect(delivered).toHaveLength(40)
    expect(new Set(delivered).size).toBe(40)
    expect(sink.requests.filter((r) => r.bytes <= LIMIT).every((r) => r.batch.length > 1)).toBe(true)
    expect(cl.stats()).toMatchObject({ queued: 0, sent: 40, failed: 1 })
    expect(errors.map((e) => [e.code, e.details?.status])).toEqual([['request_rejected', 413]])
    expect(errors[0]!.message).toMatch(/larger than 20000 bytes/)
    // The client remembers the server's limit: the next batch goes out under it at once.
    const before = sink.requests.length
    for (let i = 0; i < 20; i++) cl.trace(`later ${i}`, () => 'x'.repeat(1_500))
    await cl.flush()
    expect(sink.requests.slice(before).every((r) => r.bytes <= LIMIT)).toBe(true)
  })

  it('counts a 400 as failed without retrying and reports the server message', async () => {
    sink.respond(() => ({ status: 400, body: { error: { message: 'batch must be an array' } } }))
    const cl = client()
    cl.trace('a', () => 1)
    cl.trace('b', () => 2)
    await cl.flush()
    expect(sink.requests).toHaveLength(1)
    expect(cl.stats()).toMatchObject({ sent: 0, failed: 2, retried: 0 })
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({ code: 'request_rejected', details: { status: 400 } })
    expect(errors[0]!.message).toMatch(/batch must be an array/)
  })

  it('reports 401 with the server message once on the console when no onError is given', async () => {
    sink.respond(() => ({ status: 401, body: { error: { message: 'invalid API key' } } }))
    const warnings: string[] = []
    const original = console.warn
    console.warn = (m: string) => warnings.push(m)
    try {
      const cl = new Chatlens({ apiKey: 'bad', baseUrl: sink.url, flushIntervalMs: 60_000 })
      clients.push(cl)
      cl.trace('a', () => 1)
      await cl.flush()
      cl.trace('b', () => 1)
      await cl.flush()
      expect(sink.requests).toHaveLength(2)
      expect(cl.stats().failed).toBe(2)
    } finally {
      console.warn = original
    }
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/invalid API key/)
  })

  it('counts events rejected one by one in a 207 as failed and the rest as sent', async () => {
    sink.respond((req) => ({
      status: 207,
      body: {
        successes: req.batch.slice(1).map((e) => ({ id: e.id, status: 201 })),
        errors: [
          {
            id: req.batch[0]!.id,
            index: 0,
            status: 400,
            code: 'invalid',
            message: 'bad time',
            field: 'endTime',
          },
        ],
      },
    }))
    const cl = client()
    for (let i = 0; i < 3; i++) cl.trace(`t${i}`, () => i)
    await cl.flush()
    expect(cl.stats()).toMatchObject({ sent: 2, failed: 1 })
    expect(errors).toHaveLength(1)
    expect(errors[0]!.code).toBe('event_rejected')
    expect(errors[0]!.message).toMatch(/bad time \(field endTime\)/)
  })

  it('gives up on a batch after maxRetries and counts it as failed', async () => {
    sink.respond(() => ({ status: 500, body: { error: { message: 'boom' } } }))
    const cl = client({ maxRetries: 1 })
    cl.trace('a', () => 1)
    await cl.flush()
    expect(sink.requests).toHaveLength(2)
    expect(cl.stats()).toMatchObject({ queued: 0, sent: 0, failed: 1, retried: 1 })
    expect(errors.map((e) => e.code)).toEqual(['server_unavailable', 'delivery_failed'])
  })

  it('keeps events buffered while the server is down and delivers them when it is back', async () => {
    await sink.stop()
    const cl = client({ flushIntervalMs: 20 })
    for (let i = 0; i < 5; i++) cl.trace(`t${i}`, () => i)
    await waitFor('a failed attempt', () => errors.some((e) => e.code === 'server_unavailable'))
    for (let i = 5; i < 8; i++) cl.trace(`t${i}`, () => i)
    expect(cl.stats()).toMatchObject({ queued: 8, sent: 0, failed: 0 })
    await sink.start()
    await cl.flush()
    expect(sink.events().map((e) => e.body.name)).toEqual(['t0', 't1', 't2', 't3', 't4', 't5', 't6', 't7'])
    expect(cl.stats()).toMatchObject({ queued: 0, sent: 8, failed: 0, dropped: 0 })
    expect(cl.stats().retried).toBeGreaterThanOrEqual(1)
  })

  it('flush() resolves at flushTimeoutMs when the server stays down, keeping the events', async () => {
    await sink.stop()
    const cl = client({ flushTimeoutMs: 300 })
    cl.trace('a', () => 1)
    await cl.flush()
    expect(cl.stats()).toMatchObject({ queued: 1, sent: 0 })
  })
})
