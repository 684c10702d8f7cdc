import Database from 'better-sqlite3'
import { openStore, SPAN_COLUMNS } from '../../packages/server/src/store/index.js'
import type { spanEvent } from './spans.js'

/**
 * The ceiling: the same span rows inserted straight into the same schema with one prepared
 * statement in one transaction (no HTTP, no validation, no merge, no rollup).
 */
export async function rawInsertRate(file: string, events: ReturnType<typeof spanEvent>[]): Promise<number> {
  const store = await openStore(file)
  await store.close()
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  const insert = db.prepare(
    `INSERT INTO spans (${SPAN_COLUMNS.join(', ')}) VALUES (${SPAN_COLUMNS.map(() => '?').join(', ')})`,
  )
  const now = Date.now()
  const rows = events.map((e) => {
    const b = e.body
    const start = Date.parse(b.startTime)
    return [
      'p', b.id, b.traceId, null, b.kind, b.name, start, Date.parse(b.endTime), Date.parse(b.completionStartTime),
      b.model, JSON.stringify(b.parameters), JSON.stringify(b.input), JSON.stringify(b.output), b.inputTokens,
      b.outputTokens, b.inputTokens + b.outputTokens, null, null, 0.0001, 'ok', null, null,
      JSON.stringify(b.metadata), null, null, now, now,
    ] // biome-ignore format: one row
  })
  const t = performance.now()
  db.transaction(() => {
    for (const r of rows) insert.run(...r)
  })()
  const seconds = (performance.now() - t) / 1000
  db.close()
  return rows.length / seconds
}
