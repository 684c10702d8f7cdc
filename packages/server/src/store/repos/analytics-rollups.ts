import type { Queryable, SqlValue } from '../db.js'
import { insertSql } from './sql.js'

/** Columns that key a rollup row besides project and hour; '' / 0 mean "not set". */
export const ROLLUP_DIM_COLUMNS = [
  'bot', 'version', 'variant', 'model', 'environment', 'prompt_name', 'prompt_version', 'category',
] as const // biome-ignore format: a table of column names
export type RollupDimColumn = (typeof ROLLUP_DIM_COLUMNS)[number]

export const TRACE_ROLLUP_COLUMNS = [
  'project_id', 'hour', 'grain', ...ROLLUP_DIM_COLUMNS, 'error_type', 'traces', 'errors', 'scored',
  'latency_n', 'latency_sum', 'latency_sumsq', 'latency_min', 'latency_max', 'latency_sketch',
  'ttft_n', 'ttft_sum', 'ttft_sumsq', 'ttft_min', 'ttft_max', 'ttft_sketch', 'input_tokens', 'output_tokens', 'total_tokens',
  'cost_n', 'cost_sum', 'cost_sumsq', 'scores', 'breakdown',
] as const // biome-ignore format: a table of column names

export const CONVERSATION_ROLLUP_COLUMNS = [
  'project_id', 'hour', 'grain', ...ROLLUP_DIM_COLUMNS, 'conversations', 'turns_sum', 'turns_sumsq', 'turns_max',
  'ended', 'with_errors', 'resolved_known', 'resolved_yes', 'satisfaction_n', 'satisfaction_sum',
  'satisfaction_sumsq', 'cost_sum', 'latency_sum', 'stages',
] as const // biome-ignore format: a table of column names

export type TraceRollupRow = { [K in (typeof TRACE_ROLLUP_COLUMNS)[number]]: SqlValue }
export type ConversationRollupRow = { [K in (typeof CONVERSATION_ROLLUP_COLUMNS)[number]]: SqlValue }

/** 'd': a row per combination of dimensions; 't': the hour's total (one row). */
export type RollupGrain = 'd' | 't'

/** Equality filters pushed down to rollup reads, by column. */
export type RollupDimFilter = Partial<Record<RollupDimColumn, string | number>>

/** Rows per INSERT statement; rollup rows are wide. */
const ROWS_PER_INSERT = 32

async function insertRows(
  tx: Queryable,
  table: string,
  columns: readonly string[],
  rows: readonly Record<string, SqlValue>[],
) {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const chunk = rows.slice(i, i + ROWS_PER_INSERT)
    const params: SqlValue[] = []
    for (const row of chunk) for (const c of columns) params.push(row[c] ?? null)
    await tx.run(insertSql(table, columns, chunk.length, ''), params)
  }
}

/** Replaces every rollup row of one project hour (both tables) with the given ones. */
export async function replaceHourRollups(
  tx: Queryable,
  projectId: string,
  hour: number,
  traces: readonly TraceRollupRow[],
  conversations: readonly ConversationRollupRow[],
): Promise<void> {
  await tx.run('DELETE FROM analytics_hourly WHERE project_id = ? AND hour = ?', [projectId, hour])
  await tx.run('DELETE FROM analytics_conversations_hourly WHERE project_id = ? AND hour = ?', [
    projectId,
    hour,
  ])
  await insertRows(tx, 'analytics_hourly', TRACE_ROLLUP_COLUMNS, traces)
  await insertRows(tx, 'analytics_conversations_hourly', CONVERSATION_ROLLUP_COLUMNS, conversations)
}

function rangeWhere(projectId: string, from: number, to: number, grain: RollupGrain, dims: RollupDimFilter) {
  const where = ['project_id = ?', 'hour >= ?', 'hour < ?', 'grain = ?']
  const params: SqlValue[] = [projectId, from, to, grain]
  for (const [column, value] of Object.entries(dims)) {
    if (value === undefined) continue
    where.push(`${column} = ?`)
    params.push(value)
  }
  return { sql: where.join(' AND '), params }
}

/** Trace rollup rows of hours in [from, to) matching the filter. */
export function readTraceRollups(
  db: Queryable,
  projectId: string,
  from: number,
  to: number,
  grain: RollupGrain,
  dims: RollupDimFilter = {},
): Promise<TraceRollupRow[]> {
  const { sql, params } = rangeWhere(projectId, from, to, grain, dims)
  return db.all<TraceRollupRow>(`SELECT * FROM analytics_hourly WHERE ${sql}`, params)
}

export function readConversationRollups(
  db: Queryable,
  projectId: string,
  from: number,
  to: number,
  grain: RollupGrain,
  dims: RollupDimFilter = {},
): Promise<ConversationRollupRow[]> {
  const { sql, params } = rangeWhere(projectId, from, to, grain, dims)
  return db.all<ConversationRollupRow>(`SELECT * FROM analytics_conversations_hourly WHERE ${sql}`, params)
}
