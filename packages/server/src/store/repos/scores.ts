import type { Score, ScoreDataType, ScoreSource } from '../../model/index.js'
import type { Queryable, SqlValue } from '../db.js'
import { type Cursor, type Page, toPage } from './cursor.js'
import { findByIds, parseJson, upsertRows, Where } from './sql.js'

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

export type ScoreFilter = {
  traceId?: string
  sessionId?: string
  name?: string
  source?: string
  evaluator?: string
  from?: number
  to?: number
}

function scoreWhere(projectId: string, f: ScoreFilter): Where {
  return new Where()
    .add('project_id = ?', projectId)
    .when('trace_id = ?', f.traceId)
    .when('session_id = ?', f.sessionId)
    .when('name = ?', f.name)
    .when('source = ?', f.source)
    .when('evaluator = ?', f.evaluator)
    .when('timestamp >= ?', f.from)
    .when('timestamp < ?', f.to)
}

/** Newest first, keyset-paginated on (timestamp, id). */
export async function listScores(
  db: Queryable,
  projectId: string,
  f: ScoreFilter,
  page: { limit: number; cursor?: Cursor | null },
): Promise<Page<Score>> {
  const where = scoreWhere(projectId, f).before(page.cursor, 'timestamp')
  const rows = await db.all<ScoreRow>(
    `SELECT * FROM scores WHERE ${where.sql} ORDER BY timestamp DESC, id DESC LIMIT ?`,
    [...where.params, page.limit + 1],
  )
  return toPage(rows.map(scoreRowToScore), page.limit, (s) => ({ t: s.timestamp, id: s.id }))
}

/** Bins of the 0..1 histogram in score summaries. */
export const SCORE_HISTOGRAM_BINS = 10

export type ScoreSummary = {
  name: string
  source: string
  dataType: string
  count: number
  mean: number | null
  min: number | null
  max: number | null
  /** Counts per tenth of 0..1 (numeric scores in 0..1 only); values above 1 land in the last bin. */
  histogram: number[] | null
  /** Counts per category (categorical scores). */
  categories: Record<string, number> | null
}

/** Count, mean, range and distribution of every score name and source matching the filter. */
export async function summarizeScores(
  db: Queryable,
  projectId: string,
  f: ScoreFilter,
): Promise<ScoreSummary[]> {
  const { sql, params } = scoreWhere(projectId, f)
  const bins = Array.from(
    { length: SCORE_HISTOGRAM_BINS },
    (_, i) =>
      `SUM(CASE WHEN value >= ${i / SCORE_HISTOGRAM_BINS}${i < SCORE_HISTOGRAM_BINS - 1 ? ` AND value < ${(i + 1) / SCORE_HISTOGRAM_BINS}` : ''} THEN 1 ELSE 0 END) AS b${i}`,
  )
  type R = Record<string, number | string | null>
  const numeric = await db.all<R>(
    `SELECT name, source, data_type, COUNT(*) AS n, AVG(value) AS mean, MIN(value) AS min, MAX(value) AS max,
       ${bins.join(', ')}
     FROM scores WHERE ${sql} AND data_type <> 'categorical' GROUP BY name, source, data_type ORDER BY name, source`,
    params,
  )
  const categorical = await db.all<{ name: string; source: string; string_value: string; n: number }>(
    `SELECT name, source, string_value, COUNT(*) AS n FROM scores WHERE ${sql} AND data_type = 'categorical'
     GROUP BY name, source, string_value ORDER BY name, source, string_value`,
    params,
  )
  const out: ScoreSummary[] = numeric.map((r) => {
    const min = r.min as number | null
    const max = r.max as number | null
    const unit = min !== null && max !== null && min >= 0 && max <= 1
    return {
      name: r.name as string,
      source: r.source as string,
      dataType: r.data_type as string,
      count: Number(r.n),
      mean: r.mean as number | null,
      min,
      max,
      histogram: unit ? Array.from({ length: SCORE_HISTOGRAM_BINS }, (_, i) => Number(r[`b${i}`])) : null,
      categories: null,
    }
  })
  const byKey = new Map<string, ScoreSummary>()
  for (const r of categorical) {
    const key = `${r.name}\u0000${r.source}`
    let s = byKey.get(key)
    if (!s) {
      s = {
        name: r.name,
        source: r.source,
        dataType: 'categorical',
        count: 0,
        mean: null,
        min: null,
        max: null,
        histogram: null,
        categories: {},
      }
      byKey.set(key, s)
      out.push(s)
    }
    s.categories![r.string_value] = Number(r.n)
    s.count += Number(r.n)
  }
  return out
}
