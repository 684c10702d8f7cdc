import type { Trace } from '../../model/index.js'
import type { Dialect, Queryable, SqlValue } from '../db.js'
import { type Cursor, type Page, toPage } from './cursor.js'
import { findByIds, insertIgnore, parseJson, parseJsonOrNull, toBool, upsertRows, Where } from './sql.js'

// biome-ignore format: a table of column names
export const TRACE_COLUMNS = [
  'project_id', 'id', 'name', 'timestamp', 'end_time', 'bot', 'version', 'variant', 'environment',
  'user_id', 'session_id', 'model', 'parameters', 'input', 'output', 'input_tokens', 'output_tokens',
  'total_tokens', 'cached_input_tokens', 'reasoning_tokens', 'cost_usd', 'latency_ms', 'ttft_ms',
  'status', 'error', 'error_type', 'tags', 'metadata', 'prompt_name', 'prompt_version',
  'experiment_key', 'experiment_variant', 'evaluate', 'usage_explicit', 'created_at', 'updated_at',
] as const

/** A traces row as stored: JSON columns are text, booleans 0/1. */
export type TraceRow = { [K in (typeof TRACE_COLUMNS)[number]]: SqlValue } & {
  project_id: string
  id: string
  timestamp: number
  environment: string
  status: string
  tags: string
  metadata: string
  usage_explicit: number
}

export function traceRowToTrace(r: TraceRow): Trace {
  return {
    id: r.id,
    projectId: r.project_id,
    name: r.name as string | null,
    timestamp: r.timestamp,
    endTime: r.end_time as number | null,
    bot: r.bot as string | null,
    version: r.version as string | null,
    variant: r.variant as string | null,
    environment: r.environment,
    userId: r.user_id as string | null,
    sessionId: r.session_id as string | null,
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
    latencyMs: r.latency_ms as number | null,
    timeToFirstTokenMs: r.ttft_ms as number | null,
    status: r.status === 'error' ? 'error' : 'ok',
    error: r.error as string | null,
    errorType: r.error_type as string | null,
    tags: parseJson<string[]>(r.tags, []),
    metadata: parseJson<Record<string, unknown>>(r.metadata, {}),
    promptName: r.prompt_name as string | null,
    promptVersion: r.prompt_version as number | null,
    experimentKey: r.experiment_key as string | null,
    experimentVariant: r.experiment_variant as string | null,
    evaluate: toBool(r.evaluate),
    usageExplicit: r.usage_explicit === 1,
    createdAt: r.created_at as number,
    updatedAt: r.updated_at as number,
  }
}

export const findTraceRows = (tx: Queryable, projectId: string, ids: readonly string[]) =>
  findByIds<TraceRow>(tx, 'traces', projectId, ids)

export async function upsertTraceRows(tx: Queryable, rows: readonly TraceRow[]): Promise<void> {
  await upsertRows(tx, 'traces', TRACE_COLUMNS, ['project_id', 'id'], rows)
  const tags = rows.flatMap((r) =>
    parseJson<string[]>(r.tags, []).map((tag) => ({
      project_id: r.project_id,
      trace_id: r.id,
      tag,
      timestamp: r.timestamp,
    })),
  )
  if (tags.length)
    await insertIgnore(
      tx,
      'trace_tags',
      ['project_id', 'trace_id', 'tag', 'timestamp'],
      ['project_id', 'trace_id', 'tag'],
      tags,
    )
}

export type TraceFilter = {
  from?: number
  to?: number
  bot?: string
  version?: string
  variant?: string
  model?: string
  environment?: string
  userId?: string
  sessionId?: string
  tag?: string
  status?: 'ok' | 'error'
  minLatencyMs?: number
  maxLatencyMs?: number
  promptName?: string
  experimentKey?: string
  /** Text search in input and output (case-insensitive), or an exact trace/user/session id. */
  q?: string
}

// biome-ignore format: pairs
const EQUALITY_FILTERS: [keyof TraceFilter, string][] = [
  ['bot', 'bot'], ['version', 'version'], ['variant', 'variant'], ['model', 'model'],
  ['environment', 'environment'], ['userId', 'user_id'], ['sessionId', 'session_id'],
  ['status', 'status'], ['promptName', 'prompt_name'], ['experimentKey', 'experiment_key'],
]

/** WHERE clause (over alias `t`) and parameters for a trace filter; shared by every trace read. */
export function traceWhere(projectId: string, f: TraceFilter, dialect: Dialect = 'sqlite'): Where {
  const where = new Where().add('t.project_id = ?', projectId)
  for (const [key, column] of EQUALITY_FILTERS) where.when(`t.${column} = ?`, f[key] as SqlValue | undefined)
  where
    .when('t.timestamp >= ?', f.from)
    .when('t.timestamp < ?', f.to)
    .when('t.latency_ms >= ?', f.minLatencyMs)
    .when('t.latency_ms <= ?', f.maxLatencyMs)
    .when(
      'EXISTS (SELECT 1 FROM trace_tags g WHERE g.project_id = t.project_id AND g.trace_id = t.id AND g.tag = ?)',
      f.tag,
    )
  if (f.q !== undefined && f.q !== '') {
    // ILIKE on PostgreSQL; SQLite's LIKE already ignores ASCII case.
    const like = dialect === 'postgres' ? 'ILIKE' : 'LIKE'
    const pattern = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    where.add(
      `(t.input ${like} ? ESCAPE '\\' OR t.output ${like} ? ESCAPE '\\' OR t.id = ? OR t.user_id = ? OR t.session_id = ?)`,
      pattern,
      pattern,
      f.q,
      f.q,
      f.q,
    )
  }
  return where
}

/** Newest first, keyset-paginated on (timestamp, id). */
export async function listTraces(
  db: Queryable,
  projectId: string,
  filter: TraceFilter,
  page: { limit: number; cursor?: Cursor | null },
): Promise<Page<Trace>> {
  const where = traceWhere(projectId, filter, db.dialect).before(page.cursor, 't.timestamp', 't.id')
  const rows = await db.all<TraceRow>(
    `SELECT t.* FROM traces t WHERE ${where.sql} ORDER BY t.timestamp DESC, t.id DESC LIMIT ?`,
    [...where.params, page.limit + 1],
  )
  return toPage(rows.map(traceRowToTrace), page.limit, (t) => ({ t: t.timestamp, id: t.id }))
}

export async function getTrace(db: Queryable, projectId: string, id: string): Promise<Trace | undefined> {
  const row = await db.get<TraceRow>('SELECT * FROM traces WHERE project_id = ? AND id = ?', [projectId, id])
  return row && traceRowToTrace(row)
}

/** Every turn of a conversation, oldest first. */
export async function listSessionTraces(
  db: Queryable,
  projectId: string,
  sessionId: string,
): Promise<Trace[]> {
  const rows = await db.all<TraceRow>(
    'SELECT * FROM traces WHERE project_id = ? AND session_id = ? ORDER BY timestamp, id',
    [projectId, sessionId],
  )
  return rows.map(traceRowToTrace)
}
