import { MAX_BATCH_CHARS, MAX_BATCH_EVENTS } from './constants.js'
import type { Exporter, ExportResult } from './exporter.js'
import type { Queued } from './wire.js'

/**
 * Serialises events from the head of the queue into one batch under the size limits, and
 * removes them: the records can then die young. `flushAt` decides when to send, not how much,
 * so a backlog goes out in batches as large as the limits allow and one request at a time keeps
 * up with bursts.
 */
export function takeBatch(
  queue: Queued[],
  complain: (message: string) => void,
  unserialisable: (err: unknown) => void,
  maxChars = MAX_BATCH_CHARS,
): string[] {
  const batch: string[] = []
  let chars = 0
  let n = 0
  for (; n < queue.length && batch.length < MAX_BATCH_EVENTS; n++) {
    const item = queue[n]!
    let json = item.json
    if (json === undefined) {
      try {
        json = item.toJson(complain)
      } catch (err) {
        unserialisable(err)
        continue
      }
    }
    if (batch.length > 0 && chars + json.length > maxChars) {
      item.json = json
      break
    }
    batch.push(json)
    chars += json.length + 1
  }
  queue.splice(0, n)
  return batch
}

const STATUSES = new Set(['success', 'retryable', 'failure'])

/** Calls the exporter; a throw or a malformed answer becomes a failure instead of escaping. */
export async function exportSafely(
  exporter: Exporter,
  batch: string[],
  threw: (err: unknown) => void,
): Promise<ExportResult> {
  try {
    const result = await exporter.export(batch)
    if (STATUSES.has(result?.status)) return result
    throw new Error(`export() resolved to ${JSON.stringify(result)}, not an ExportResult`)
  } catch (err) {
    threw(err)
    return { status: 'failure', message: String(err) }
  }
}
