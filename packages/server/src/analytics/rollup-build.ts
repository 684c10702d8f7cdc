import {
  beginHourRebuild,
  clearDirtyHour,
  type Db,
  feedbackSatisfaction,
  type HourRollups,
  listDirtyHours,
  loadSessionFacts,
  loadTraceFacts,
  type Queryable,
  replaceHourRollups,
} from '../store/index.js'
import {
  type ConvAgg,
  emptyConvAgg,
  emptyTraceAgg,
  mergeConvAgg,
  mergeTraceAgg,
  type TraceAgg,
} from './aggregate.js'
import { type Dims, dimsKey, inScope } from './dims.js'
import {
  addSessionFact,
  addTraceFact,
  categoryOf,
  parseScores,
  satisfactionOf,
  sessionDims,
  traceDims,
} from './facts.js'
import { getOrCreate } from './maps.js'
import { convAggToRow, errorTypeColumn, NO_DIMS, traceAggToRow } from './rollup-codec.js'
import { tagKeys, tagRows } from './rollup-tags.js'
import { HOUR_MS } from './window.js'

/** Hours rebuilt per call of buildDirtyHours; each is its own short transaction. */
export const MAX_HOURS_PER_PASS = 48

export const hourOf = (ms: number) => ms - (ms % HOUR_MS)

/** Computes the rollup rows of one project hour from the raw rows. */
export async function computeHour(q: Queryable, projectId: string, hour: number): Promise<HourRollups> {
  // The hour's totals, per tag too, answer queries without a dimension filter, which leave
  // offline environments out.
  const online = (d: Dims) => inScope(d.environment, {})
  const traceGroups = new Map<string, { dims: Dims; errorType: string; agg: TraceAgg }>()
  const byTag = new Map<string, TraceAgg>()
  for (const f of await loadTraceFacts(q, projectId, hour, hour + HOUR_MS)) {
    const scores = parseScores(f.scores)
    const category = categoryOf(scores)
    const dims = traceDims(f, category)
    const errorType = errorTypeColumn(f.status, f.error_type)
    const key = `${dimsKey(dims)}\u001f${errorType}`
    const g = getOrCreate(traceGroups, key, () => ({ dims, errorType, agg: emptyTraceAgg() }))
    addTraceFact(g.agg, f, scores, category)
    if (!online(dims)) continue
    for (const tag of tagKeys(f.tags))
      addTraceFact(getOrCreate(byTag, tag, emptyTraceAgg), f, scores, category)
  }

  const sessions = await loadSessionFacts(q, projectId, hour, hour + HOUR_MS)
  const feedback = await feedbackSatisfaction(
    q,
    projectId,
    sessions.filter((s) => s.satisfaction === null).map((s) => s.id),
  )
  const convGroups = new Map<string, { dims: Dims; agg: ConvAgg }>()
  const convByTag = new Map<string, ConvAgg>()
  for (const f of sessions) {
    const dims = sessionDims(f)
    const key = dimsKey(dims)
    const g = getOrCreate(convGroups, key, () => ({ dims, agg: emptyConvAgg() }))
    const satisfaction = satisfactionOf(f, feedback.get(f.id))
    addSessionFact(g.agg, f, satisfaction)
    if (!online(dims)) continue
    for (const tag of tagKeys(f.f_tags))
      addSessionFact(getOrCreate(convByTag, tag, emptyConvAgg), f, satisfaction)
  }

  const traces = [...traceGroups.values()].map((g) =>
    traceAggToRow(projectId, hour, 'd', g.dims, g.errorType, g.agg),
  )
  const conversations = [...convGroups.values()].map((g) => convAggToRow(projectId, hour, 'd', g.dims, g.agg))
  const onlineTraces = [...traceGroups.values()].filter((g) => online(g.dims))
  if (onlineTraces.length) {
    const total = emptyTraceAgg()
    for (const g of onlineTraces) mergeTraceAgg(total, g.agg)
    traces.push(traceAggToRow(projectId, hour, 't', NO_DIMS, '', total))
  }
  const onlineConversations = [...convGroups.values()].filter((g) => online(g.dims))
  if (onlineConversations.length) {
    const total = emptyConvAgg()
    for (const g of onlineConversations) mergeConvAgg(total, g.agg)
    conversations.push(convAggToRow(projectId, hour, 't', NO_DIMS, total))
  }
  return { traces, conversations, ...tagRows(projectId, hour, byTag, convByTag) }
}

/** Rebuilds one stale hour; false when another instance is on it or it was already rebuilt. */
export async function rebuildHour(db: Db, projectId: string, hour: number): Promise<boolean> {
  try {
    return await db.transaction(async (tx) => {
      if (!(await beginHourRebuild(tx, projectId, hour))) return false
      const rows = await computeHour(tx, projectId, hour)
      await replaceHourRollups(tx, projectId, hour, rows)
      await clearDirtyHour(tx, projectId, hour)
      return true
    })
  } catch (err) {
    // PostgreSQL: another instance rebuilt this hour between our snapshot and our write.
    if ((err as { code?: string }).code === '40001') return false
    throw err
  }
}

/** Rebuilds up to `maxHours` stale hours (newest first); returns how many it rebuilt. */
export async function buildDirtyHours(db: Db, maxHours = MAX_HOURS_PER_PASS): Promise<number> {
  let built = 0
  for (const { project_id, hour } of await listDirtyHours(db, maxHours)) {
    if (await rebuildHour(db, project_id, Number(hour))) built++
  }
  return built
}

/** Rebuilds until nothing is stale (tests, the benchmark, `chatlens report` on a fresh import). */
export async function buildAllDirtyHours(db: Db, onProgress?: (built: number) => void): Promise<number> {
  let total = 0
  for (;;) {
    const built = await buildDirtyHours(db, 500)
    total += built
    onProgress?.(total)
    if (built === 0) return total
  }
}
