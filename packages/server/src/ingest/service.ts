import type { IngestEventError, IngestEventResult, IngestResponse } from '../model/index.js'
import { claimEventIds, type Db, type Queryable } from '../store/index.js'
import { applyPatches, type Written } from './apply.js'
import type { UsagePricer } from './derive.js'
import { toPatch } from './normalize.js'
import type { AnyPatch } from './patches.js'
import { FieldError } from './serialize.js'
import { isError, validateEvent } from './validate.js'

export type IngestHooks = {
  /** Run inside the ingest transaction, so what they write (queued jobs) commits with the data. */
  inTransaction: ((tx: Queryable, projectId: string, written: Written) => Promise<void>)[]
  /** Run after commit; must not throw. */
  afterCommit: ((projectId: string, written: Written) => void)[]
}

export const noHooks = (): IngestHooks => ({ inTransaction: [], afterCommit: [] })

export type IngestContext = { projectId: string; pricer: UsagePricer; hooks: IngestHooks; now?: number }

/**
 * Validates every event on its own, then stores all valid ones in one transaction. The answer
 * lists each event: stored (201), already seen (200, duplicate) or rejected (400 naming the
 * field). It is only returned after the commit, so a success is durable.
 */
export async function ingestBatch(
  db: Db,
  ctx: IngestContext,
  batch: readonly unknown[],
): Promise<IngestResponse> {
  const now = ctx.now ?? Date.now()
  const errors: IngestEventError[] = []
  const patches: AnyPatch[] = []
  const warnings = new Map<string, string[]>()
  const duplicatesInBatch: string[] = []
  const seen = new Set<string>()

  for (const [index, raw] of batch.entries()) {
    const event = validateEvent(raw, index)
    if (isError(event)) {
      errors.push(event)
      continue
    }
    if (seen.has(event.id)) {
      duplicatesInBatch.push(event.id)
      continue
    }
    try {
      patches.push(toPatch(event, now))
      seen.add(event.id)
      if (event.warnings.length) warnings.set(event.id, event.warnings)
    } catch (err) {
      if (!(err instanceof FieldError)) throw err
      errors.push({
        id: event.id,
        index,
        status: 400,
        code: 'invalid_event',
        message: err.message,
        field: err.field,
      })
    }
  }

  let fresh = new Set<string>()
  if (patches.length) {
    let written: Written | undefined
    await db.transaction(async (tx) => {
      fresh = await claimEventIds(tx, ctx.projectId, [...seen], now)
      written = await applyPatches(
        tx,
        ctx.projectId,
        patches.filter((p) => fresh.has(p.eventId)),
        ctx.pricer,
        now,
      )
      for (const hook of ctx.hooks.inTransaction) await hook(tx, ctx.projectId, written)
    })
    for (const hook of ctx.hooks.afterCommit) hook(ctx.projectId, written!)
  }

  const successes: IngestEventResult[] = []
  for (const p of patches) {
    if (!fresh.has(p.eventId)) successes.push({ id: p.eventId, status: 200, duplicate: true })
    else {
      const w = warnings.get(p.eventId)
      successes.push(w ? { id: p.eventId, status: 201, warnings: w } : { id: p.eventId, status: 201 })
    }
  }
  for (const id of duplicatesInBatch) successes.push({ id, status: 200, duplicate: true })
  return { successes, errors }
}
