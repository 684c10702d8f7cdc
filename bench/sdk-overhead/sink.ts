import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A local collector for the overhead benchmark, run in its own process so that receiving costs
 * nothing in the measured one. It answers each protocol minimally and counts what arrived:
 * chatlens batches, LangSmith multipart runs and OTLP/JSON spans.
 */
const received: Record<string, { requests: number; bytes: number; items: number }> = {}

function count(path: string, body: string): number {
  if (path === '/api/v1/ingest') return (JSON.parse(body) as { batch: unknown[] }).batch.length
  if (path === '/runs/multipart') return body.match(/name="post\.[0-9a-f-]{36}"/g)?.length ?? 0
  if (path === '/runs/batch') return (JSON.parse(body) as { post?: unknown[] }).post?.length ?? 0
  if (path === '/v1/traces') {
    type Otlp = { resourceSpans?: { scopeSpans?: { spans?: unknown[] }[] }[] }
    const otlp = JSON.parse(body) as Otlp
    let n = 0
    for (const r of otlp.resourceSpans ?? []) for (const s of r.scopeSpans ?? []) n += s.spans?.length ?? 0
    return n
  }
  return 0
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = []
  req.on('data', (c: Buffer) => chunks.push(c))
  req.on('end', () => {
    const path = (req.url ?? '').split('?')[0]!
    const body = Buffer.concat(chunks).toString('utf8')
    const r = received[path] ?? { requests: 0, bytes: 0, items: 0 }
    received[path] = r
    r.requests++
    r.bytes += body.length
    try {
      r.items += req.method === 'POST' ? count(path, body) : 0
    } catch {}
    if (path === '/api/v1/ingest') {
      res.writeHead(207, { 'content-type': 'application/json' })
      return res.end('{"successes":[],"errors":[]}')
    }
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end('{}')
  })
})

server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as AddressInfo).port })
})
process.on('message', (m: { cmd: string }) => {
  if (m.cmd === 'report') process.send?.({ received })
  if (m.cmd === 'reset') for (const k of Object.keys(received)) delete received[k]
  if (m.cmd === 'exit') server.close(() => process.exit(0))
})
