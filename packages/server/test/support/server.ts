import type { Provider } from '../../src/llm/index.js'
import { createApiKey } from '../../src/projects/index.js'
import { type RunningServer, startServer } from '../../src/server.js'
import type { Engine, TestDb } from './engines.js'

export type TestServer = {
  server: RunningServer
  store: TestDb
  url: string
  projectId: string
  keys: { admin: string; ingest: string; read: string }
  /** fetch against the server with a key (admin by default); JSON in, JSON out. */
  call(
    method: string,
    path: string,
    body?: unknown,
    key?: string | null,
  ): Promise<{ status: number; body: any }>
  close(): Promise<void>
}

/** A real server on 127.0.0.1 over a fresh store of the engine, with one key per scope. */
export async function startTestServer(
  engine: Engine,
  options: { provider?: Provider } = {},
): Promise<TestServer> {
  const store = await engine.open()
  const server = await startServer({ db: store.db, port: 0, ...options })
  const projectId = server.project.id
  const mk = async (scope: 'admin' | 'ingest' | 'read') =>
    (await createApiKey(store.db, projectId, { name: scope, scopes: [scope] })).secret
  const keys = { admin: await mk('admin'), ingest: await mk('ingest'), read: await mk('read') }
  return {
    server,
    store,
    url: server.url,
    projectId,
    keys,
    async call(method, path, body, key = keys.admin) {
      const headers: Record<string, string> = {}
      if (key) headers.authorization = `Bearer ${key}`
      if (body !== undefined) headers['content-type'] = 'application/json'
      const res = await fetch(server.url + path, {
        method,
        headers,
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      })
      const text = await res.text()
      return { status: res.status, body: text ? JSON.parse(text) : null }
    },
    async close() {
      await server.close()
      await store.dispose()
    },
  }
}
