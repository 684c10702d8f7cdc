import type { Score, ScoreDataType, ScoreSource } from '../../model/index.js'
import type { Queryable, SqlValue } from '../db.js'
import { findByIds, parseJson, upsertRows } from './sql.js'

// biome-ignore format: a table of column names
export const SCORE_COLUMNS = [
  'project_id', 'id', 'trace_id', 'span_id', 'session_id', 'name', 'value', 'string_value', 'data_type',
  'source', 'evaluator', 'evaluator_version', 'comment', 'timestamp', 'metadata', 'created_at',
] as const

export type ScoreRow = { [K in (typeof SCORE_COLUMNS)[number]]: SqlValue } & {
  project_id: string
  id: string
  name: string
  data_type: string
  source: string
  timestamp: number
  metadata: string
}

export function scoreRowToScore(r: ScoreRow): Score {
  return {
    id: r.id,
    projectId: r.project_id,
    traceId: r.trace_id as string | null,
    spanId: r.span_id as string | null,
    sessionId: r.session_id as string | null,
    name: r.name,
    value: r.value as number | null,
    stringValue: r.string_value as string | null,
    dataType: r.data_type as ScoreDataType,
    source: r.source as ScoreSource,
    evaluator: r.evaluator as string | null,
    evaluatorVersion: r.evaluator_version as string | null,
    comment: r.comment as string | null,
    timestamp: r.timestamp,
    metadata: parseJson<Record<string, unknown>>(r.metadata, {}),
    createdAt: r.created_at as number,
  }
}

export const findScoreRows = (tx: Queryable, projectId: string, ids: readonly string[]) =>
  findByIds<ScoreRow>(tx, 'scores', projectId, ids)

export function upsertScoreRows(tx: Queryable, rows: readonly ScoreRow[]): Promise<void> {
  return upsertRows(tx, 'scores', SCORE_COLUMNS, ['project_id', 'id'], rows)
}

/** Scores of a trace (its spans' too), or of a session. */
export async function listScoresFor(
  db: Queryable,
  projectId: string,
  target: { traceId: string } | { sessionId: string },
): Promise<Score[]> {
  const [column, value] =
    'traceId' in target ? ['trace_id', target.traceId] : ['session_id', target.sessionId]
  const rows = await db.all<ScoreRow>(
    `SELECT * FROM scores WHERE project_id = ? AND ${column} = ? ORDER BY timestamp, name`,
    [projectId, value as SqlValue],
  )
  return rows.map(scoreRowToScore)
}
