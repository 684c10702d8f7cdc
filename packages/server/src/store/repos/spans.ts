import type { Span, SpanKind } from '../../model/index.js'
import type { Queryable, SqlValue } from '../db.js'
import { findByIds, parseJson, parseJsonOrNull, placeholders, selectByIds, upsertRows } from './sql.js'

// biome-ignore format: a table of column names
export const SPAN_COLUMNS = [
  'project_id', 'id', 'trace_id', 'parent_id', 'kind', 'name', 'start_time', 'end_time',
  'completion_start_time', 'model', 'parameters', 'input', 'output', 'input_tokens', 'output_tokens',
  'total_tokens', 'cached_input_tokens', 'reasoning_tokens', 'cost_usd', 'status', 'error', 'error_type',
  'metadata', 'prompt_name', 'prompt_version', 'created_at', 'updated_at',
] as const

export type SpanRow = { [K in (typeof SPAN_COLUMNS)[number]]: SqlValue } & {
  project_id: string
  id: string
  trace_id: string
  kind: string
  start_time: number
  status: string
  metadata: string
}

export function spanRowToSpan(r: SpanRow): Span {
  return {
    id: r.id,
    projectId: r.project_id,
    traceId: r.trace_id,
    parentId: r.parent_id as string | null,
    kind: r.kind as SpanKind,
    name: r.name as string | null,
    startTime: r.start_time,
    endTime: r.end_time as number | null,
    completionStartTime: r.completion_start_time as number | null,
    model: r.model as string | null,
    parameters: parseJsonOrNull(r.parameters) as Record<string, unknown> | null,
    input: parseJsonOrNull(r.input),
    output: parseJsonOrNull(r.output),
    inputTokens: r.input_tokens as number | null,
    outputTokens: r.output_tokens as number | null,
    totalTokens: r.total_tokens as number | null,
    cachedInputTokens: r.cached_input_tokens as number | null,
    reasoningTokens: r.reasoning_tokens as number | null,
    costUsd: r.cost_usd as number | null,
    status: r.status === 'error' ? 'error' : 'ok',
    error: r.error as string | null,
    errorType: r.error_type as string | null,
    metadata: parseJson<Record<string, unknown>>(r.metadata, {}),
    promptName: r.prompt_name as string | null,
    promptVersion: r.prompt_version as number | null,
    createdAt: r.created_at as number,
    updatedAt: r.updated_at as number,
  }
}

export const findSpanRows = (tx: Queryable, projectId: string, ids: readonly string[]) =>
  findByIds<SpanRow>(tx, 'spans', projectId, ids)

export function upsertSpanRows(tx: Queryable, rows: readonly SpanRow[]): Promise<void> {
  return upsertRows(tx, 'spans', SPAN_COLUMNS, ['project_id', 'id'], rows)
}

export async function listTraceSpans(db: Queryable, projectId: string, traceId: string): Promise<Span[]> {
  const rows = await db.all<SpanRow>(
    'SELECT * FROM spans WHERE project_id = ? AND trace_id = ? ORDER BY start_time, id',
    [projectId, traceId],
  )
  return rows.map(spanRowToSpan)
}

/** What a trace inherits from its spans when the caller did not report it on the trace. */
export type SpanRollup = {
  trace_id: string
  input_tokens: number | null
  output_tokens: number | null
  total_tokens: number | null
  cached_input_tokens: number | null
  reasoning_tokens: number | null
  cost_usd: number | null
  first_start: number
  last_end: number | null
  first_token_at: number | null
  errors: number
}

export function rollupSpans(
  tx: Queryable,
  projectId: string,
  traceIds: readonly string[],
): Promise<SpanRollup[]> {
  return selectByIds(traceIds, (chunk) =>
    tx.all<SpanRollup>(
      `SELECT trace_id,
        SUM(input_tokens) AS input_tokens, SUM(output_tokens) AS output_tokens,
        SUM(total_tokens) AS total_tokens, SUM(cached_input_tokens) AS cached_input_tokens,
        SUM(reasoning_tokens) AS reasoning_tokens, SUM(cost_usd) AS cost_usd,
        MIN(start_time) AS first_start, MAX(end_time) AS last_end,
        MIN(completion_start_time) AS first_token_at,
        SUM(CASE WHEN status = 'error' THEN 1 ELSE 0 END) AS errors
      FROM spans WHERE project_id = ? AND trace_id IN (${placeholders(chunk.length)})
      GROUP BY trace_id`,
      [projectId, ...chunk],
    ),
  )
}

/** The model of each trace's first generation span. */
export function firstGenerationModels(
  tx: Queryable,
  projectId: string,
  traceIds: readonly string[],
): Promise<{ trace_id: string; model: string }[]> {
  return selectByIds(traceIds, (chunk) =>
    tx.all(
      `SELECT s.trace_id, s.model FROM spans s
       WHERE s.project_id = ? AND s.trace_id IN (${placeholders(chunk.length)}) AND s.kind = 'generation'
         AND s.model IS NOT NULL
       ORDER BY s.start_time`,
      [projectId, ...chunk],
    ),
  )
}
