import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

export type Received = { path: string; body: any; headers: IncomingMessage['headers'] }

/**
 * A real HTTP receiver on 127.0.0.1 that records every POST. `failFirst` answers that many
 * requests with 503 before accepting, to exercise retries.
 */
export async function startReceiver(o: { failFirst?: number } = {}) {
  const received: Received[] = []
  let failures = o.failFirst ?? 0
  let requests = 0
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => {
      requests++
      if (failures > 0) {
        failures--
        res.writeHead(503, { 'retry-after': '0' }).end('try again')
        return
      }
      received.push({
        path: req.url ?? '/',
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
        headers: req.headers,
      })
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    received,
    requests: () => requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
