import {
  type FeedbackRow,
  findFeedbackRows,
  findScoreRows,
  findSessionRows,
  findSpanRows,
  findTraceRows,
  firstGenerationModels,
  lockKeys,
  type Queryable,
  rollupSpans,
  type ScoreRow,
  type SessionRow,
  type SpanRow,
  type TraceRow,
  upsertFeedbackRows,
  upsertScoreRows,
  upsertSessionRows,
  upsertSpanRows,
  upsertTraceRows,
} from '../store/index.js'
import { deriveSpan, deriveTrace, type UsagePricer } from './derive.js'
import {
  emptySession,
  emptyTrace,
  mergeFeedback,
  mergeScore,
  mergeSession,
  mergeSpan,
  mergeTrace,
} from './merge.js'
import type { AnyPatch } from './patches.js'

/** What one committed batch wrote, for hooks that react to new data (evaluation, alerts). */
export type Written = {
  traces: TraceRow[]
  spans: SpanRow[]
  sessions: SessionRow[]
  scores: ScoreRow[]
  feedback: FeedbackRow[]
}

const byId = <R extends { id: string }>(rows: R[]) => new Map(rows.map((r) => [r.id, r]))
const idsOf = (patches: AnyPatch[], kind: AnyPatch['kind']) => [
  ...new Set(patches.filter((p) => p.kind === kind).map((p) => p.id)),
]

/**
 * Applies patches inside a transaction: loads what is stored, merges in order, derives usage
 * and cost, and writes each touched row once.
 */
export async function applyPatches(
  tx: Queryable,
  projectId: string,
  patches: AnyPatch[],
  pricer: UsagePricer,
  now: number,
): Promise<Written> {
  const spanTraceIds = patches.flatMap((p) => (p.kind === 'span' ? [p.traceId] : []))
  const traceIds = [...new Set([...idsOf(patches, 'trace'), ...spanTraceIds])]
  const sessionIds = patches.flatMap((p) =>
    p.kind === 'session'
      ? [p.id]
      : p.kind === 'trace' && p.fields.session_id
        ? [p.fields.session_id as string]
        : [],
  )
  await lockKeys(tx, [
    ...traceIds.map((id) => `trace:${projectId}:${id}`),
    ...sessionIds.map((id) => `session:${projectId}:${id}`),
    ...patches
      .filter((p) => p.kind !== 'trace' && p.kind !== 'session')
      .map((p) => `${p.kind}:${projectId}:${p.id}`),
  ])
  // One query at a time: a transaction is one connection, which runs them in order anyway.
  const traces = byId(await findTraceRows(tx, projectId, traceIds))
  const spans = byId(await findSpanRows(tx, projectId, idsOf(patches, 'span')))
  const scores = byId(await findScoreRows(tx, projectId, idsOf(patches, 'score')))
  const feedback = byId(await findFeedbackRows(tx, projectId, idsOf(patches, 'feedback')))
  const touched = {
    traces: new Set<string>(),
    spans: new Map<string, boolean>(),
    scores: new Set<string>(),
    feedback: new Set<string>(),
  }
  const sessionPatches: AnyPatch[] = []

  for (const p of patches) {
    switch (p.kind) {
      case 'trace':
        traces.set(p.id, mergeTrace(projectId, traces.get(p.id), p, now))
        touched.traces.add(p.id)
        break
      case 'span': {
        const existing = spans.get(p.id)
        if (existing && existing.trace_id !== p.traceId) p.fields.trace_id = existing.trace_id
        spans.set(p.id, mergeSpan(projectId, existing, p, now))
        touched.spans.set(p.id, (touched.spans.get(p.id) ?? false) || p.costGiven)
        if (!traces.has(p.traceId)) traces.set(p.traceId, emptyTrace(projectId, p.traceId, p.at, now))
        touched.traces.add(spans.get(p.id)!.trace_id)
        break
      }
      case 'score':
        scores.set(p.id, mergeScore(projectId, scores.get(p.id), p, now))
        touched.scores.add(p.id)
        break
      case 'feedback':
        feedback.set(p.id, mergeFeedback(projectId, feedback.get(p.id), p, now))
        touched.feedback.add(p.id)
        break
      case 'session':
        sessionPatches.push(p)
        break
    }
  }

  const writtenSpans = [...touched.spans].map(([id, costGiven]) => {
    const row = spans.get(id)!
    deriveSpan(row, costGiven, pricer)
    return row
  })
  await upsertSpanRows(tx, writtenSpans)

  const touchedTraceIds = [...touched.traces]
  const rollups = new Map((await rollupSpans(tx, projectId, touchedTraceIds)).map((r) => [r.trace_id, r]))
  const models = new Map<string, string>()
  for (const r of await firstGenerationModels(tx, projectId, touchedTraceIds)) {
    if (!models.has(r.trace_id)) models.set(r.trace_id, r.model)
  }
  const writtenTraces = touchedTraceIds.map((id) => {
    const row = traces.get(id)!
    deriveTrace(row, rollups.get(id), models.get(id), pricer)
    return row
  })
  await upsertTraceRows(tx, writtenTraces)

  const writtenSessions = await applySessions(tx, projectId, sessionPatches, writtenTraces, now)
  const writtenScores = [...touched.scores].map((id) => scores.get(id)!)
  const writtenFeedback = [...touched.feedback].map((id) => feedback.get(id)!)
  await upsertScoreRows(tx, writtenScores)
  await upsertFeedbackRows(tx, writtenFeedback)
  return {
    traces: writtenTraces,
    spans: writtenSpans,
    sessions: writtenSessions,
    scores: writtenScores,
    feedback: writtenFeedback,
  }
}

/**
 * Session events merge like the others; a trace with a session id also opens that session
 * (or moves its start earlier) so every conversation is listed even if the caller never
 * described it.
 */
async function applySessions(
  tx: Queryable,
  projectId: string,
  patches: AnyPatch[],
  traces: TraceRow[],
  now: number,
): Promise<SessionRow[]> {
  const fromTraces = traces.filter((t) => t.session_id !== null)
  const ids = [...new Set([...patches.map((p) => p.id), ...fromTraces.map((t) => t.session_id as string)])]
  if (ids.length === 0) return []
  const sessions = byId(await findSessionRows(tx, projectId, ids))
  const changed = new Set<string>()
  for (const p of patches) {
    if (p.kind !== 'session') continue
    sessions.set(p.id, mergeSession(projectId, sessions.get(p.id), p, now))
    changed.add(p.id)
  }
  for (const t of fromTraces) {
    const id = t.session_id as string
    let s = sessions.get(id)
    if (!s) {
      s = emptySession(projectId, id, t.timestamp, now)
      sessions.set(id, s)
      changed.add(id)
    }
    if (t.timestamp < s.started_at) {
      s.started_at = t.timestamp
      changed.add(id)
    }
    for (const column of ['user_id', 'bot', 'environment'] as const) {
      if (s[column] === null && t[column] !== null) {
        s[column] = t[column]
        changed.add(id)
      }
    }
  }
  const rows = [...changed].map((id) => sessions.get(id)!)
  await upsertSessionRows(tx, rows)
  return rows
}
