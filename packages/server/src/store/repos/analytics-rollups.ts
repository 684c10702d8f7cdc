import type { Queryable, SqlValue } from '../db.js'
import { insertSql } from './sql.js'

/** Columns that key a rollup row besides project and hour; '' / 0 mean "not set". */
export const ROLLUP_DIM_COLUMNS = [
  'bot', 'version', 'variant', 'model', 'environment', 'prompt_name', 'prompt_version', 'category',
] as const // biome-ignore format: a table of column names
export type RollupDimColumn = (typeof ROLLUP_DIM_COLUMNS)[number]

/** The figures of a trace rollup row, whatever it is keyed by. */
const TRACE_FIGURE_COLUMNS = [
  'traces', 'errors', 'scored', 'latency_n', 'latency_sum', 'latency_sumsq', 'latency_min', 'latency_max',
  'latency_sketch', 'ttft_n', 'ttft_sum', 'ttft_sumsq', 'ttft_min', 'ttft_max', 'ttft_sketch', 'input_tokens',
  'output_tokens', 'total_tokens', 'cost_n', 'cost_sum', 'cost_sumsq', 'scores', 'breakdown',
] as const // biome-ignore format: a table of column names

/** The figures of a conversation rollup row, whatever it is keyed by. */
const CONVERSATION_FIGURE_COLUMNS = [
  'conversations', 'turns_sum', 'turns_sumsq', 'turns_max', 'ended', 'with_errors', 'resolved_known',
  'resolved_yes', 'satisfaction_n', 'satisfaction_sum', 'satisfaction_sumsq', 'cost_sum', 'latency_sum', 'stages',
] as const // biome-ignore format: a table of column names

const KEY_COLUMNS = ['project_id', 'hour', 'grain', ...ROLLUP_DIM_COLUMNS] as const
export const TRACE_ROLLUP_COLUMNS = [...KEY_COLUMNS, 'error_type', ...TRACE_FIGURE_COLUMNS] as const
export const CONVERSATION_ROLLUP_COLUMNS = [...KEY_COLUMNS, ...CONVERSATION_FIGURE_COLUMNS] as const
/** Per-tag rollups: the hour totals of one tag's interactions and conversations. */
const TAG_TRACE_ROLLUP_COLUMNS = ['project_id', 'hour', 'tag', ...TRACE_FIGURE_COLUMNS] as const
const TAG_CONVERSATION_ROLLUP_COLUMNS = ['project_id', 'hour', 'tag', ...CONVERSATION_FIGURE_COLUMNS] as const

export type TraceRollupRow = { [K in (typeof TRACE_ROLLUP_COLUMNS)[number]]: SqlValue }
export type ConversationRollupRow = { [K in (typeof CONVERSATION_ROLLUP_COLUMNS)[number]]: SqlValue }
/** What merging a row into an aggregate reads, from any rollup table. */
export type TraceFigures = { [K in (typeof TRACE_FIGURE_COLUMNS)[number]]: SqlValue } & {
  category?: SqlValue
  error_type?: SqlValue
}
export type ConversationFigures = { [K in (typeof CONVERSATION_FIGURE_COLUMNS)[number]]: SqlValue }
export type TagTraceRollupRow = { [K in (typeof TAG_TRACE_ROLLUP_COLUMNS)[number]]: SqlValue }
export type TagConversationRollupRow = { [K in (typeof TAG_CONVERSATION_ROLLUP_COLUMNS)[number]]: SqlValue }

/** Every rollup row of one project hour. */
export type HourRollups = {
  traces: readonly TraceRollupRow[]
  conversations: readonly ConversationRollupRow[]
  tagTraces: readonly TagTraceRollupRow[]
  tagConversations: readonly TagConversationRollupRow[]
}

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

const HOUR_TABLES: [keyof HourRollups, string, readonly string[]][] = [
  ['traces', 'analytics_hourly', TRACE_ROLLUP_COLUMNS],
  ['conversations', 'analytics_conversations_hourly', CONVERSATION_ROLLUP_COLUMNS],
  ['tagTraces', 'analytics_tag_hourly', TAG_TRACE_ROLLUP_COLUMNS],
  ['tagConversations', 'analytics_tag_conversations_hourly', TAG_CONVERSATION_ROLLUP_COLUMNS],
]

/** Replaces every rollup row of one project hour (all rollup tables) with the given ones. */
export async function replaceHourRollups(
  tx: Queryable,
  projectId: string,
  hour: number,
  rows: HourRollups,
): Promise<void> {
  for (const [key, table, columns] of HOUR_TABLES) {
    await tx.run(`DELETE FROM ${table} WHERE project_id = ? AND hour = ?`, [projectId, hour])
    await insertRows(tx, table, columns, rows[key])
  }
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

function readRollups<R>(
  table: string,
): (
  db: Queryable,
  projectId: string,
  from: number,
  to: number,
  grain: RollupGrain,
  dims?: RollupDimFilter,
) => Promise<R[]> {
  return (db, projectId, from, to, grain, dims = {}) => {
    const { sql, params } = rangeWhere(projectId, from, to, grain, dims)
    return db.all<R>(`SELECT * FROM ${table} WHERE ${sql}`, params)
  }
}

/** Trace rollup rows of hours in [from, to) matching the filter. */
export const readTraceRollups = readRollups<TraceRollupRow>('analytics_hourly')
/** Conversation rollup rows of hours in [from, to) matching the filter. */
export const readConversationRollups = readRollups<ConversationRollupRow>('analytics_conversations_hourly')

/** Per-tag rollup rows of hours in [from, to): of one tag, or of every tag. */
export function readTagRollups(
  db: Queryable,
  projectId: string,
  from: number,
  to: number,
  tag: string | undefined,
): Promise<[TagTraceRollupRow[], TagConversationRollupRow[]]> {
  const where = `project_id = ? AND hour >= ? AND hour < ?${tag === undefined ? '' : ' AND tag = ?'}`
  const params: SqlValue[] = tag === undefined ? [projectId, from, to] : [projectId, from, to, tag]
  return Promise.all([
    db.all<TagTraceRollupRow>(`SELECT * FROM analytics_tag_hourly WHERE ${where}`, params),
    db.all<TagConversationRollupRow>(
      `SELECT * FROM analytics_tag_conversations_hourly WHERE ${where}`,
      params,
    ),
  ])
}
