import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Chatlens, type ChatlensOptions } from '../src/index.js'
import { assertIngestible } from './support/schema.js'
import { type Sink, startSink } from './support/sink.js'
import { waitFor } from './support/wait.js'

let sink: Sink
const clients: Chatlens[] = []
beforeEach(async () => {
  sink = await startSink()
})
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.shutdown()))
  await sink.close()
})

function client(options: ChatlensOptions = {}) {
  const cl = new Chatlens({ apiKey: 'cl-test-key', baseUrl: sink.url, onError: () => {}, ...options })
  clients.push(cl)
  return cl
}

describe('delivery over HTTP', () => {
  it('posts batches to /api/v1/ingest with the bearer key, and the server schema accepts every event', async () => {
    const cl = client({ bot: 'support' })
    await cl.trace('turn', async () => {
      await cl.span('llm', async (s) => s.update({ output: 'hi', inputTokens: 3 }), { kind: 'generation' })
      return 'hi'
    })
    cl.score({ traceId: 't', name: 'quality', value: 0.7 })
    cl.feedback({ traceId: 't', thumbs: 'up' })
    cl.endConversation('s1', { resolved: true })
    await cl.flush()
    expect(sink.requests).toHaveLength(1)
    const [req] = sink.requests
    expect(req!.url).toBe('/api/v1/ingest')
    expect(req!.headers.authorization).toBe('Bearer cl-test-key')
    expect(req!.headers['content-type']).toBe('application/json')
    expect(req!.batch.map((e) => e.type)).toEqual([
      'span-create',
      'trace-create',
      'score-create',
      'feedback-create',
      'session-update',
    ])
    for (const e of req!.batch) assertIngestible(e)
    expect(new Set(req!.batch.map((e) => e.id)).size).toBe(5)
    expect(cl.stats()).toEqual({ queued: 0, sent: 5, dropped: 0, failed: 0, retried: 0 })
  })

  it('sends as soon as flushAt events are queued, without flush()', async () => {
    const cl = client({ flushAt: 5, flushIntervalMs: 60_000 })
    for (let i = 0; i < 5; i++) cl.trace(`t${i}`, () => i)
    await waitFor('a batch of 5', () => sink.events().length === 5)
    expect(sink.requests).toHaveLength(1)
  })

  it('sends a partial batch after flushIntervalMs, without flush()', async () => {
    const cl = client({ flushAt: 100, flushIntervalMs: 50 })
    cl.trace('lonely', () => 1)
    await waitFor('the interval flush', () => cl.stats().sent === 1)
    expect(sink.events().map((e) => e.body.name)).toEqual(['lonely'])
  })

  it('splits a large backlog into requests under the event and size limits', async () => {
    const cl = client({ flushAt: 1000, flushIntervalMs: 60_000 })
    const input = 'q'.repeat(400_000)
    for (let i = 0; i < 20; i++) cl.trace(`big-${i}`, () => i, { input })
    for (let i = 0; i < 1200; i++) cl.trace(`small-${i}`, () => i)
    await cl.flush()
    expect(sink.events()).toHaveLength(1220)
    expect(sink.requests.length).toBeGreaterThan(3)
    for (const r of sink.requests) {
      expect(r.batch.length).toBeLessThanOrEqual(1000)
      expect(r.bytes).toBeLessThan(10 * 1024 * 1024)
    }
    expect(sink.events().map((e) => e.body.name)).toEqual([
      ...Array.from({ length: 20 }, (_, i) => `big-${i}`),
      ...Array.from({ length: 1200 }, (_, i) => `small-${i}`),
    ])
  })

  it('flush() waits for what was queued before it; shutdown() flushes and stops', async () => {
    const cl = client({ flushIntervalMs: 60_000 })
    cl.trace('a', () => 1)
    cl.trace('b', () => 2)
    await cl.flush()
    expect(sink.events().map((e) => e.body.name)).toEqual(['a', 'b'])
    cl.trace('c', () => 3)
    await cl.shutdown()
    expect(sink.events().map((e) => e.body.name)).toEqual(['a', 'b', 'c'])
    expect(cl.trace('after', () => 4)).toBe(4)
    await cl.flush()
    expect(sink.events()).toHaveLength(3)
    expect(cl.stats()).toMatchObject({ sent: 3, dropped: 1 })
  })
})
