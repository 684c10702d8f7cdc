import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Fastify from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppDeps } from '../../server/src/http/app.js'
import { createWebRoutes } from '../../server/src/http/routes/web.js'
import { sqlite } from '../../server/test/support/engines.js'
import { startTestServer, type TestServer } from '../../server/test/support/server.js'
import { ensureWebBuilt, PUBLIC_DIR } from './support/build.js'

describe('the server serving the dashboard', () => {
  let s: TestServer
  beforeAll(async () => {
    await ensureWebBuilt()
    s = await startTestServer(sqlite)
  })
  afterAll(() => s?.close())

  /** Reads the whole body, so no half-read response keeps a connection (and the server's close) waiting. */
  const get = async (path: string) => {
    const res = await fetch(s.url + path)
    const body = await res.text()
    return { status: res.status, headers: res.headers, body }
  }

  it('answers every page address with the app and a strict content security policy', async () => {
    for (const path of ['/', '/traces', '/traces/abc-123', '/conversations/c%201?range=24h']) {
      const res = await get(path)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/^text\/html/)
      expect(res.headers.get('cache-control')).toBe('no-cache')
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'")
      expect(res.headers.get('referrer-policy')).toBe('no-referrer')
      expect(res.body).toContain('<div id="app"></div>')
    }
  })

  it('serves built assets with long-lived caching and 404s missing files', async () => {
    const js = readdirSync(join(PUBLIC_DIR, 'assets')).find((f) => f.endsWith('.js'))!
    const res = await get(`/assets/${js}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/javascript/)
    expect(res.headers.get('cache-control')).toContain('immutable')
    expect((await get('/assets/nope.js')).status).toBe(404)
    expect((await get('/favicon.ico')).status).toBe(404)
  })

  it('leaves the API as it was: unknown API paths are JSON errors, not the app', async () => {
    const res = await s.call('GET', '/api/v1/nope')
    expect(res.status).toBe(404)
    expect(res.body.error.code).toBe('not_found')
    expect((await s.call('GET', '/api/v1/nope', undefined, null)).status).toBe(401)
    expect((await s.call('GET', '/api/v1/traces')).status).toBe(200)
    expect((await s.call('GET', '/health', undefined, null)).body.status).toBe('ok')
  })

  it('says how to build the dashboard when it was not built', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chatlens-public-'))
    const app = Fastify()
    await createWebRoutes({ publicDir: dir })(app, {} as AppDeps)
    const res = await app.inject({ method: 'GET', url: '/traces' })
    expect(res.statusCode).toBe(503)
    expect(res.body).toContain('npm run build')
    await app.close()
    rmSync(dir, { recursive: true, force: true })
  })
})
