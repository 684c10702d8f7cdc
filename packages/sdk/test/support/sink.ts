import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A real HTTP server standing in for chatlens ingestion in SDK tests: it records every request
 * and answers like the server (207 per event) unless told otherwise.
 */
export type SinkEvent = { id: string; type: string; timestamp: string; body: Record<string, unknown> }
export type SinkRequest = {
  n: number
  url: string
  headers: IncomingHttpHeaders
  bytes: number
  batch: SinkEvent[]
}
export type SinkAnswer = { status: number; body?: unknown; headers?: Record<string, string> }
export type Responder = (req: SinkRequest) => SinkAnswer | undefined

export type Sink = {
  url: string
  port: number
  requests: SinkRequest[]
  /** Every event of every request answered with a 2xx, in order. */
  events: () => SinkEvent[]
  respond: (responder: Responder | undefined) => void
  /** Closes the port (connections refused) until start() is called again. */
  stop: () => Promise<void>
  start: () => Promise<void>
  close: () => Promise<void>
}

const accepted = (req: SinkRequest): SinkAnswer => ({
  status: 207,
  body: { successes: req.batch.map((e) => ({ id: e.id, status: 201 })), errors: [] },
})

export async function startSink(port = 0): Promise<Sink> {
  let responder: Responder | undefined
  const requests: SinkRequest[] = []
  const answered: SinkRequest[] = []
  let server: Server | undefined

  const listen = async (p: number) => {
    server = createServer(async (httpReq, res) => {
      const chunks: Buffer[] = []
      for await (const c of httpReq) chunks.push(c as Buffer)
      const text = Buffer.concat(chunks).toString('utf8')
      const parsed = JSON.parse(text) as { batch: SinkEvent[] }
      const req: SinkRequest = {
        n: requests.length,
        url: httpReq.url ?? '',
        headers: httpReq.headers,
        bytes: Buffer.byteLength(text),
        batch: parsed.batch,
      }
      requests.push(req)
      const answer = responder?.(req) ?? accepted(req)
      if (answer.status >= 200 && answer.status < 300) answered.push(req)
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers })
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body))
    })
    await new Promise<void>((resolve) => server!.listen(p, '127.0.0.1', resolve))
    return (server.address() as AddressInfo).port
  }

  const actualPort = await listen(port)
  const stop = async () => {
    const s = server
    server = undefined
    if (!s) return
    s.closeAllConnections()
    await new Promise<void>((resolve) => s.close(() => resolve()))
  }
  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    requests,
    events: () => answered.flatMap((r) => r.batch),
    respond: (r) => {
      responder = r
    },
    stop,
    start: async () => {
      await listen(actualPort)
    },
    close: stop,
  }
}
