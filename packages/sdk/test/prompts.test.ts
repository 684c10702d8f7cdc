import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Chatlens, type ChatlensError, type PromptMessage } from '../src/index.js'
import { FAILED_READ_PAUSE_MS } from '../src/swr-cache.js'
import { type Registry, startRegistry } from './support/registry.js'
import { waitFor } from './support/wait.js'

const PATH = '/api/v1/prompts/support?label=production'
const version = (n: number, content = `v${n}: help customers of {{store}}`) => ({
  status: 200,
  body: {
    name: 'support',
    version: n,
    labels: ['production'],
    messages: [{ role: 'system', content } satisfies PromptMessage],
    model: 'gpt-4o-mini',
    temperature: 0.2,
    maxTokens: null,
    parameters: {},
    variables: ['store'],
  },
})

let registry: Registry
let errors: ChatlensError[]
const clients: Chatlens[] = []
beforeEach(async () => {
  registry = await startRegistry()
  errors = []
})
afterEach(async () => {
  vi.useRealTimers()
  await Promise.all(clients.splice(0).map((c) => c.shutdown()))
  await registry.stop().catch(() => {})
})
/** Polls an async condition (a refresh lands a moment after its request). Not a timing assertion. */
async function eventually(condition: () => Promise<boolean>) {
  for (let i = 0; i < 500 && !(await condition()); i++) await new Promise((r) => setTimeout(r, 10))
  expect(await condition()).toBe(true)
}
const client = () => {
  const cl = new Chatlens({
    apiKey: 'cl-test',
    baseUrl: registry.url,
    onError: (e) => errors.push(e),
    flushIntervalMs: 60_000,
  })
  clients.push(cl)
  return cl
}

describe('prompts.get', () => {
  it('fetches the production version by default and renders its variables', async () => {
    registry.routes.set(PATH, version(3))
    const p = await client().prompts.get('support')
    expect(p).toMatchObject({
      name: 'support',
      version: 3,
      source: 'network',
      model: 'gpt-4o-mini',
      variables: ['store'],
    })
    expect(p!.render({ store: 'Acme' })).toEqual([{ role: 'system', content: 'v3: help customers of Acme' }])
    expect(p!.traceFields).toEqual({ promptName: 'support', promptVersion: 3 })
    expect(registry.requests).toEqual([PATH])
  })

  it('asks for a label or a version when given', async () => {
    registry.routes.set('/api/v1/prompts/support?version=2', version(2))
    registry.routes.set('/api/v1/prompts/support?label=staging', version(4))
    const cl = client()
    expect((await cl.prompts.get('support', { version: 2 }))!.version).toBe(2)
    expect((await cl.prompts.get('support', { label: 'staging' }))!.version).toBe(4)
  })

  it('answers from the cache within the TTL and shares one request between concurrent calls', async () => {
    registry.routes.set(PATH, version(1))
    const cl = client()
    const [a, b] = await Promise.all([cl.prompts.get('support'), cl.prompts.get('support')])
    expect([a!.version, b!.version]).toEqual([1, 1])
    expect((await cl.prompts.get('support'))!.source).toBe('cache')
    expect(registry.requests).toHaveLength(1)
  })

  it('returns the stale copy at once after the TTL and refreshes it in the background', async () => {
    registry.routes.set(PATH, version(1))
    const cl = client()
    await cl.prompts.get('support', { cacheTtlMs: 1 })
    registry.routes.set(PATH, version(2))
    await new Promise((r) => setTimeout(r, 5))
    const stale = await cl.prompts.get('support', { cacheTtlMs: 1 })
    expect(stale).toMatchObject({ version: 1, source: 'stale' })
    await waitFor('the background refresh', () => registry.requests.length === 2)
    await eventually(async () => (await cl.prompts.get('support', { cacheTtlMs: 60_000 }))!.version === 2)
  })

  it('keeps serving the last copy while the server is down, and asks again only after a pause', async () => {
    registry.routes.set(PATH, version(1))
    const cl = client()
    await cl.prompts.get('support', { cacheTtlMs: 1 })
    await registry.stop()
    vi.useFakeTimers({ toFake: ['Date'] })
    for (let i = 0; i < 3; i++) {
      vi.setSystemTime(Date.now() + 1000)
      expect(await cl.prompts.get('support', { cacheTtlMs: 1 })).toMatchObject({
        version: 1,
        source: 'stale',
      })
    }
    await waitFor('the failed refresh to be reported', () => errors.length > 0)
    expect(errors[0]).toMatchObject({ code: 'server_unavailable' })
    // Back up, but within the pause after the failed refresh nobody asks it yet.
    registry.routes.set(PATH, version(2))
    await registry.start()
    vi.setSystemTime(Date.now() + 1000)
    expect((await cl.prompts.get('support', { cacheTtlMs: 1 }))!.version).toBe(1)
    expect(registry.requests).toEqual([PATH])
    vi.setSystemTime(Date.now() + FAILED_READ_PAUSE_MS)
    await cl.prompts.get('support', { cacheTtlMs: 1 })
    await waitFor('the refresh after the pause', () => registry.requests.length === 2)
    await eventually(async () => (await cl.prompts.get('support', { cacheTtlMs: 60_000 }))!.version === 2)
  })

  it('uses the fallback when the prompt was never fetched and the server cannot be reached', async () => {
    await registry.stop()
    const cl = client()
    const p = await cl.prompts.get('support', { fallback: 'You help customers of {{store}}.' })
    expect(p).toMatchObject({ version: null, source: 'fallback', variables: ['store'] })
    expect(p.traceFields).toEqual({ promptName: 'support' })
    expect(p.render({ store: 'Acme' })[0]!.content).toBe('You help customers of Acme.')
    expect(await cl.prompts.get('support')).toBeUndefined()
    expect(errors[0]!.message).toMatch(/cannot fetch prompt/)
  })

  it('reports a prompt the server does not have and falls back', async () => {
    const p = await client().prompts.get('missing', { fallback: [{ role: 'system', content: 'Be kind.' }] })
    expect(p.source).toBe('fallback')
    expect(errors[0]).toMatchObject({ code: 'request_rejected', details: { status: 404 } })
  })

  it('reports a variable without a value and leaves its placeholder', async () => {
    registry.routes.set(PATH, version(1))
    const p = await client().prompts.get('support')
    expect(p!.render()[0]!.content).toBe('v1: help customers of {{store}}')
    expect(errors.map((e) => e.code)).toEqual(['invalid_argument'])
  })

  it('never calls a server when the SDK has no API key', async () => {
    const cl = new Chatlens({ enabled: true, onError: () => {} })
    expect((await cl.prompts.get('support', { fallback: 'offline' })).source).toBe('fallback')
    expect(registry.requests).toEqual([])
  })
})
