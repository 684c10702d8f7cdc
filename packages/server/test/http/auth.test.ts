import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES } from '../support/engines.js'
import { ev } from '../support/events.js'
import { startTestServer, type TestServer } from '../support/server.js'

describe.each(ENGINES)('API keys and scopes on $name', (engine) => {
  let s: TestServer
  beforeAll(async () => {
    s = await startTestServer(engine)
  })
  afterAll(() => s?.close())

  it('answers 401 without a key and with an unknown one', async () => {
    const none = await s.call('GET', '/api/v1/traces', undefined, null)
    expect(none.status).toBe(401)
    expect(none.body.error.code).toBe('missing_api_key')
    const wrong = await s.call('GET', '/api/v1/traces', undefined, 'cl_not-a-key')
    expect(wrong.status).toBe(401)
    expect(wrong.body.error.code).toBe('invalid_api_key')
  })

  it('answers 403 when the key lacks the scope', async () => {
    const readIngest = await s.call(
      'POST',
      '/api/v1/ingest',
      { batch: [ev('trace-create', {})] },
      s.keys.read,
    )
    expect(readIngest.status).toBe(403)
    expect(readIngest.body.error).toMatchObject({ code: 'insufficient_scope', required: 'ingest' })
    expect((await s.call('GET', '/api/v1/traces', undefined, s.keys.ingest)).status).toBe(403)
    expect((await s.call('GET', '/api/v1/keys', undefined, s.keys.read)).status).toBe(403)
    expect((await s.call('GET', '/api/v1/traces', undefined, s.keys.read)).status).toBe(200)
  })

  it('shows a new secret once, stores only its hash, and stops accepting it when revoked', async () => {
    const created = await s.call('POST', '/api/v1/keys', { name: 'ci', scopes: ['read'] })
    expect(created.status).toBe(201)
    const { secret, key } = created.body
    expect(secret).toMatch(/^cl_/)
    const stored = await s.store.db.all<{ hash: string }>('SELECT hash FROM api_keys WHERE id = ?', [key.id])
    expect(stored[0]!.hash).not.toContain(secret)
    expect(JSON.stringify((await s.call('GET', '/api/v1/keys')).body)).not.toContain(secret)
    expect((await s.call('GET', '/api/v1/traces', undefined, secret)).status).toBe(200)
    expect((await s.call('DELETE', `/api/v1/keys/${key.id}`)).status).toBe(204)
    expect((await s.call('GET', '/api/v1/traces', undefined, secret)).status).toBe(401)
  })

  it('keeps projects apart: a key sees only its own project', async () => {
    const { createProject, createApiKey } = await import('../../src/projects/index.js')
    const other = await createProject(s.store.db, 'other')
    const { secret } = await createApiKey(s.store.db, other.id, { scopes: ['ingest', 'read'] })
    await s.call('POST', '/api/v1/ingest', { batch: [ev('trace-create', { id: 'secret-trace' })] }, secret)
    expect((await s.call('GET', '/api/v1/traces/secret-trace', undefined, secret)).status).toBe(200)
    expect((await s.call('GET', '/api/v1/traces/secret-trace')).status).toBe(404)
  })
})
