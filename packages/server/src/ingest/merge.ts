import { DEFAULT_ENVIRONMENT, TAGS_MAX_COUNT } from '../model/index.js'
import type { FeedbackRow, ScoreRow, SessionRow, SpanRow, TraceRow } from '../store/index.js'
import type { FeedbackPatch, Patch, ScorePatch, SessionPatch, SpanPatch, TracePatch } from './patches.js'

/**
 * Merge rules, the same for every entity: a field the event carried replaces the stored one;
 * a field it did not carry keeps its value; metadata merges key by key; tags accumulate.
 */
function mergeInto<Row extends { metadata: string; updated_at?: unknown }>(
  start: Row,
  patch: Patch<Row>,
  now: number,
): Row {
  const row = Object.assign({ ...start }, patch.fields)
  if (patch.metadata) row.metadata = JSON.stringify({ ...JSON.parse(start.metadata), ...patch.metadata })
  if (patch.tags && 'tags' in row) {
    const tags = new Set<string>(JSON.parse(row.tags as string))
    for (const t of patch.tags) if (tags.size < TAGS_MAX_COUNT) tags.add(t)
    ;(row as { tags: string }).tags = JSON.stringify([...tags])
  }
  if ('updated_at' in row) row.updated_at = now
  return row
}

export function mergeTrace(
  projectId: string,
  existing: TraceRow | undefined,
  p: TracePatch,
  now: number,
): TraceRow {
  const start = existing ?? emptyTrace(projectId, p.id, p.at, now)
  const row = mergeInto(start, p, now)
  if (p.fields.error !== undefined && p.fields.status === undefined) row.status = 'error'
  if (p.usageGiven) row.usage_explicit = 1
  const timesChanged = p.fields.end_time !== undefined || p.fields.timestamp !== undefined
  if (!p.latencyGiven && timesChanged && row.end_time !== null) {
    row.latency_ms = Math.max(0, (row.end_time as number) - row.timestamp)
  }
  return row
}

export function emptyTrace(projectId: string, id: string, at: number, now: number): TraceRow {
  // biome-ignore format: one row
  return {
    project_id: projectId, id, name: null, timestamp: at, end_time: null, bot: null, version: null,
    variant: null, environment: DEFAULT_ENVIRONMENT, user_id: null, session_id: null, model: null,
    parameters: null, input: null, output: null, input_tokens: null, output_tokens: null,
    total_tokens: null, cached_input_tokens: null, reasoning_tokens: null, cost_usd: null,
    latency_ms: null, ttft_ms: null, status: 'ok', error: null, error_type: null, tags: '[]',
    metadata: '{}', prompt_name: null, prompt_version: null, experiment_key: null,
    experiment_variant: null, evaluate: null, usage_explicit: 0, created_at: now, updated_at: now,
  }
}

export function mergeSpan(
  projectId: string,
  existing: SpanRow | undefined,
  p: SpanPatch,
  now: number,
): SpanRow {
  // biome-ignore format: one row
  const start: SpanRow = existing ?? {
    project_id: projectId, id: p.id, trace_id: p.traceId, parent_id: null, kind: 'span', name: null,
    start_time: p.at, end_time: null, completion_start_time: null, model: null, parameters: null,
    input: null, output: null, input_tokens: null, output_tokens: null, total_tokens: null,
    cached_input_tokens: null, reasoning_tokens: null, cost_usd: null, status: 'ok', error: null,
    error_type: null, metadata: '{}', prompt_name: null, prompt_version: null, created_at: now, updated_at: now,
  }
  const row = mergeInto(start, p, now)
  if (p.fields.error !== undefined && p.fields.status === undefined) row.status = 'error'
  return row
}

export function mergeSession(
  projectId: string,
  existing: SessionRow | undefined,
  p: SessionPatch,
  now: number,
) {
  return mergeInto(existing ?? emptySession(projectId, p.id, p.at, now), p, now)
}

export function emptySession(projectId: string, id: string, at: number, now: number): SessionRow {
  // biome-ignore format: one row
  return {
    project_id: projectId, id, user_id: null, bot: null, environment: null, started_at: at,
    ended_at: null, satisfaction: null, resolved: null, stage: null, tags: '[]', metadata: '{}',
    created_at: now, updated_at: now,
  }
}

export function mergeScore(projectId: string, existing: ScoreRow | undefined, p: ScorePatch, now: number) {
  // biome-ignore format: one row
  const start: ScoreRow = existing ?? {
    project_id: projectId, id: p.id, trace_id: null, span_id: null, session_id: null, name: '',
    value: null, string_value: null, data_type: 'numeric', source: 'api', evaluator: null,
    evaluator_version: null, comment: null, timestamp: p.at, metadata: '{}', created_at: now,
  }
  return mergeInto(start, p, now)
}

export function mergeFeedback(
  projectId: string,
  existing: FeedbackRow | undefined,
  p: FeedbackPatch,
  now: number,
) {
  // biome-ignore format: one row
  const start: FeedbackRow = existing ?? {
    project_id: projectId, id: p.id, trace_id: null, session_id: null, user_id: null, thumbs: null,
    rating: null, satisfaction: null, comment: null, correction: null, timestamp: p.at, metadata: '{}',
    created_at: now,
  }
  return mergeInto(start, p, now)
}
