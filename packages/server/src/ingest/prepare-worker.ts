import { parentPort } from 'node:worker_threads'
import { parseIngestRequest } from './parse-request.js'

/** Parses and validates ingest bodies off the main thread; see prepare-pool.ts. */
parentPort!.on('message', (msg: { id: number; body: Uint8Array; now: number }) => {
  try {
    parentPort!.postMessage({ id: msg.id, result: parseIngestRequest(msg.body, msg.now) })
  } catch (err) {
    parentPort!.postMessage({ id: msg.id, crash: String((err as Error)?.stack ?? err) })
  }
})
