import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { bucketOf } from '../src/assign.js'
import { Chatlens, InMemoryExporter } from '../src/index.js'
import { type Registry, startRegistry } from './support/registry.js'

const PATH = '/api/v1/experiments/tone'
const definition = (status = 'running', seed = 'tone') => ({
  status: 200,
  body: {
    key: 'tone',
    status,
    seed,
    variants: [
      { key: 'standard', prompt: { name: 'support', version: 1 }, overrides: {} },
      { key: 'warm', prompt: { name: 'support', version: 2 }, overrides: { temperature: 0.7 } },
    ],
    assignment: {
      hash: 'fnv1a32-fmix32',
      buckets: 10_000,
      ranges: [
        { key: 'standard', start: 0, end: 5000 },
        { key: 'warm', start: 5000, end: 10_000 },
      ],
    },
  },
})

let registry: Registry
const clients: Chatlens[] = []
beforeEach(async () => {
  registry = await startRegistry()
})
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.shutdown()))
  await registry.stop().catch(() => {})
})
const client = (exporter?: InMemoryExporter) => {
  const cl = new Chatlens({ apiKey: 'cl-test', baseUrl: registry.url, exporter, onError: () => {} })
  clients.push(cl)
  return cl
}

describe('assign', () => {
  it('hashes as documented: seed checkout-v2 and unit user-42 land in bucket 9741', () => {
    expect(bucketOf('checkout-v2', 'user-42')).toBe(9741)
  })

  it('assigns from the bucket ranges with one request for any number of units', async () => {
    registry.routes.set(PATH, definition())
    const cl = client()
    const seen = new Set<string>()
    for (let i = 0; i < 200; i++) {
      const a = await cl.assign('tone', `conv-${i}`)
      const expected = bucketOf('tone', `conv-${i}`) < 5000 ? 'standard' : 'warm'
      expect(a).toMatchObject({
        variant: expected,
        inExperiment: true,
        traceFields: { experimentKey: 'tone', experimentVariant: expected },
      })
      seen.add(a.variant!)
      if (a.variant === 'warm')
        expect(a.config).toEqual({ prompt: { name: 'support', version: 2 }, temperature: 0.7 })
    }
    expect(seen).toEqual(new Set(['standard', 'warm']))
    expect(registry.requests).toEqual([PATH])
  })

  it('keeps assigning offline once the definition was fetched', async () => {
    registry.routes.set(PATH, definition())
    const cl = client()
    const first = await cl.assign('tone', 'conv-1')
    await registry.stop()
    expect(await cl.assign('tone', 'conv-1', { cacheTtlMs: 0 })).toEqual(first)
    expect((await cl.assign('tone', 'conv-2', { cacheTtlMs: 0 })).inExperiment).toBe(true)
  })

  it('puts nobody in an experiment that is not running, or that was never reachable', async () => {
    registry.routes.set(PATH, definition('draft'))
    expect(await client().assign('tone', 'conv-1')).toMatchObject({
      variant: null,
      inExperiment: false,
      reason: 'not_running',
      traceFields: {},
    })
    await registry.stop()
    expect(await client().assign('tone', 'conv-1')).toMatchObject({ variant: null, reason: 'unavailable' })
  })

  it('records the exposure on the trace it is called in', async () => {
    registry.routes.set(PATH, definition())
    const exporter = new InMemoryExporter()
    const cl = client(exporter)
    const a = await cl.trace('turn', async () => cl.assign('tone', 'conv-7'), { sessionId: 'conv-7' })
    await cl.flush()
    expect(exporter.traces()[0]).toMatchObject({ experimentKey: 'tone', experimentVariant: a.variant })
  })
})
