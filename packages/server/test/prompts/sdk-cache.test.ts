import { Chatlens, type ChatlensError } from '@chatlens/sdk'
import { describe, expect, it } from 'vitest'
import { createApiKey } from '../../src/projects/index.js'
import { startServer } from '../../src/server.js'
import { ENGINES } from '../support/engines.js'

const SYSTEM = 'You are the support assistant of {{store}}.'

describe.each(ENGINES)('the SDK and the prompt registry on $name', (engine) => {
  it('keeps serving a fetched prompt, and assigning units, while the server is down', async () => {
    const store = await engine.open()
    let server = await startServer({ db: store.db, port: 0, background: false })
    const port = Number(new URL(server.url).port)
    const admin = (await createApiKey(store.db, server.project.id, { scopes: ['admin'] })).secret
    const ingest = (await createApiKey(store.db, server.project.id, { scopes: ['ingest'] })).secret
    const call = (path: string, body: unknown) =>
      fetch(server.url + path, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    await call('/api/v1/prompts', {
      name: 'support',
      messages: [{ role: 'system', content: SYSTEM }],
      labels: ['production'],
    })
    await call('/api/v1/experiments', {
      key: 'tone',
      unit: 'session',
      variants: [{ key: 'a' }, { key: 'b' }],
      start: true,
    })

    const errors: ChatlensError[] = []
    // The key a chatbot holds: ingest only.
    const cl = new Chatlens({ apiKey: ingest, baseUrl: server.url, onError: (e) => errors.push(e) })
    const fresh = await cl.prompts.get('support')
    expect(fresh).toMatchObject({ version: 1, source: 'network' })
    const assigned = await cl.assign('tone', 'conv-1')
    expect(assigned.inExperiment).toBe(true)

    await server.close()
    try {
      // Long past its TTL, with the server gone: the cached copy and the cached definition still serve.
      const offline = await cl.prompts.get('support', { cacheTtlMs: 0 })
      expect(offline).toMatchObject({ version: 1, source: 'stale' })
      expect(offline!.render({ store: 'Acme' })[0]!.content).toBe('You are the support assistant of Acme.')
      expect(await cl.assign('tone', 'conv-1', { cacheTtlMs: 0 })).toEqual(assigned)
      // A client that never reached the server falls back.
      const cold = new Chatlens({ apiKey: ingest, baseUrl: server.url, onError: () => {} })
      expect((await cold.prompts.get('support', { fallback: 'You help customers.' })).source).toBe('fallback')
      expect((await cold.assign('tone', 'conv-1')).reason).toBe('unavailable')
      await cold.shutdown()

      server = await startServer({ db: store.db, port, background: false })
      await call('/api/v1/prompts', {
        name: 'support',
        messages: [{ role: 'system', content: `${SYSTEM} Be warm.` }],
        labels: ['production'],
      })
      cl.prompts.invalidate()
      expect(await cl.prompts.get('support')).toMatchObject({ version: 2, source: 'network' })
      expect(errors.some((e) => e.code === 'server_unavailable')).toBe(true)
    } finally {
      await cl.shutdown()
      await server.close()
      await store.dispose()
    }
  })
})
