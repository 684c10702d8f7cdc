import type { IngestEventResult, IngestResponse } from '../model/index.js'
import { claimEventIds, type Db, type Queryable } from '../store/index.js'
import { applyPatches, type Written } from './apply.js'
import type { UsagePricer } from './derive.js'
import { type PreparedBatch, prepareBatch } from './prepare.js'

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
export function ingestBatch(db: Db, ctx: IngestContext, batch: readonly unknown[]): Promise<IngestResponse> {
  const now = ctx.now ?? Date.now()
  return commitBatch(db, { ...ctx, now }, prepareBatch(batch, now))
}

/** Stores a prepared batch in one transaction and answers for every event. */
export async function commitBatch(
  db: Db,
  ctx: IngestContext,
  prepared: PreparedBatch,
): Promise<IngestResponse> {
  const now = ctx.now ?? Date.now()
  const { patches } = prepared
  let fresh = new Set<string>()
  if (patches.length) {
    let written: Written | undefined
    await db.transaction(async (tx) => {
      fresh = await claimEventIds(
        tx,
        ctx.projectId,
        patches.map((p) => p.eventId),
        now,
      )
      const todo = fresh.size === patches.length ? patches : patches.filter((p) => fresh.has(p.eventId))
      written = await applyPatches(tx, ctx.projectId, todo, ctx.pricer, now)
      for (const hook of ctx.hooks.inTransaction) await hook(tx, ctx.projectId, written)
    })
    for (const hook of ctx.hooks.afterCommit) hook(ctx.projectId, written!)
  }

  const successes: IngestEventResult[] = []
  for (const p of patches) {
    if (!fresh.has(p.eventId)) successes.push({ id: p.eventId, status: 200, duplicate: true })
    else {
      const w = prepared.warnings[p.eventId]
      successes.push(w ? { id: p.eventId, status: 201, warnings: w } : { id: p.eventId, status: 201 })
    }
  }
  for (const id of prepared.duplicatesInBatch) successes.push({ id, status: 200, duplicate: true })
  return { successes, errors: prepared.errors }
}
