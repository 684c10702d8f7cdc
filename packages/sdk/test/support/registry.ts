import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A stand-in for the chatlens read API in SDK tests: serves whatever `routes` holds for a path
 * (as the server would answer it), counts requests, and can be stopped to play an outage.
 */
export type Registry = {
  url: string
  routes: Map<string, { status: number; body: unknown }>
  requests: string[]
  stop(): Promise<void>
  start(): Promise<void>
}

export async function startRegistry(): Promise<Registry> {
  const routes = new Map<string, { status: number; body: unknown }>()
  const requests: string[] = []
  let server: Server | undefined
  let port = 0
  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((req, res) => {
        requests.push(req.url ?? '')
        const answer = routes.get(req.url ?? '') ?? {
          status: 404,
          body: { error: { code: 'not_found', message: 'nothing here' } },
        }
        res.writeHead(answer.status, { 'content-type': 'application/json' })
        res.end(JSON.stringify(answer.body))
      })
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as AddressInfo).port
        resolve()
      })
    })
  await listen()
  return {
    url: `http://127.0.0.1:${port}`,
    routes,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server!.closeAllConnections()
        server!.close(() => resolve())
      }),
    start: listen,
  }
}
