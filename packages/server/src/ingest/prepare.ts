import type { IngestEventError } from '../model/index.js'
import { toPatch } from './normalize.js'
import type { AnyPatch } from './patches.js'
import { FieldError } from './serialize.js'
import { isError, validateEvent } from './validate.js'

/** A batch after validation and normalisation: what to store, and what to answer for the rest. */
export type PreparedBatch = {
  patches: AnyPatch[]
  errors: IngestEventError[]
  /** Unknown fields per event id. */
  warnings: Record<string, string[]>
  /** Event ids that came twice in this very batch (the second time is a duplicate). */
  duplicatesInBatch: string[]
}

/**
 * Checks every event on its own and turns the valid ones into patches. Pure and synchronous, so
 * it can run in a worker thread while the main thread stores the previous batch.
 */
export function prepareBatch(batch: readonly unknown[], now: number): PreparedBatch {
  const prepared: PreparedBatch = { patches: [], errors: [], warnings: {}, duplicatesInBatch: [] }
  const seen = new Set<string>()
  for (const [index, raw] of batch.entries()) {
    const event = validateEvent(raw, index)
    if (isError(event)) {
      prepared.errors.push(event)
      continue
    }
    if (seen.has(event.id)) {
      prepared.duplicatesInBatch.push(event.id)
      continue
    }
    try {
      prepared.patches.push(toPatch(event, now))
      seen.add(event.id)
      if (event.warnings.length) prepared.warnings[event.id] = event.warnings
    } catch (err) {
      if (!(err instanceof FieldError)) throw err
      prepared.errors.push({
        id: event.id,
        index,
        status: 400,
        code: 'invalid_event',
        message: err.message,
        field: err.field,
      })
    }
  }
  return prepared
}
