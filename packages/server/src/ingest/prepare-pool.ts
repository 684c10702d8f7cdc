import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { type ParsedRequest, parseIngestRequest } from './parse-request.js'

/** Worker threads that parse and validate ingest bodies. */
const MAX_WORKERS = 4

type Pending = { resolve(r: ParsedRequest): void; reject(e: Error): void; worker: Worker }

/**
 * Parsing JSON, validating events and serialising payloads is about half the CPU of an ingest
 * request. Done in worker threads, it overlaps with the main thread storing the previous batch,
 * so a two-core machine ingests with both cores. With one core (or `workers: 0`) it runs inline.
 */
export class PreparePool {
  private readonly workers: Worker[] = []
  private readonly pending = new Map<number, Pending>()
  private next = 0
  private seq = 0

  constructor(workers = Math.min(MAX_WORKERS, availableParallelism() - 1)) {
    for (let i = 0; i < workers; i++) this.spawn(i)
  }

  get size(): number {
    return this.workers.length
  }

  prepare(body: Uint8Array, now = Date.now()): Promise<ParsedRequest> {
    if (this.workers.length === 0) return Promise.resolve(parseIngestRequest(body, now))
    const id = ++this.seq
    const worker = this.workers[this.next++ % this.workers.length]!
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, worker })
      worker.postMessage({ id, body, now })
    })
  }

  async close(): Promise<void> {
    const workers = this.workers.splice(0)
    await Promise.all(workers.map((w) => w.terminate()))
    for (const p of this.pending.values()) p.reject(new Error('the ingest workers stopped'))
    this.pending.clear()
  }

  private spawn(slot: number) {
    const worker = new Worker(new URL('./prepare-worker-entry.js', import.meta.url))
    worker.unref()
    worker.on('message', (msg: { id: number; result?: ParsedRequest; crash?: string }) => {
      const p = this.pending.get(msg.id)
      if (!p) return
      this.pending.delete(msg.id)
      if (msg.result) p.resolve(msg.result)
      else p.reject(new Error(`ingest worker failed: ${msg.crash}`))
    })
    worker.on('error', (err) => {
      // A crashed worker is replaced; requests it held fail (500), the client retries them.
      for (const [id, p] of this.pending) {
        if (p.worker !== worker) continue
        p.reject(err)
        this.pending.delete(id)
      }
      const i = this.workers.indexOf(worker)
      if (i >= 0) {
        this.workers.splice(i, 1)
        this.spawn(slot)
      }
    })
    this.workers.push(worker)
  }
}
