import type { Db, Queryable, SqlValue } from '../db.js'
import { placeholders, selectByIds } from './sql.js'

/** Separators inside the scores column of a trace fact (ASCII unit and record separators). */
export const FIELD_SEP = '\u001f'
export const RECORD_SEP = '\u001e'

/**
 * Filters applied in SQL when scanning raw rows. Category lives in the scores and is filtered
 * by the caller.
 */
export type FactFilter = {
  bot?: string
  version?: string
  variant?: string
  model?: string
  environment?: string
  promptName?: string
  promptVersion?: number
  userId?: string
  tag?: string
}

/** One trace as analytics sees it; `scores` packs name, value and label of each of its scores. */
export type TraceFact = {
  id: string
  timestamp: number
  session_id: string | null
  user_id: string | null
  bot: string | null
  version: string | null
  variant: string | null
  model: string | null
  environment: string
  prompt_name: string | null
  prompt_version: number | null
  status: string
  error_type: string | null
  latency_ms: number | null
  ttft_ms: number | null
  input_tokens: number | null
  output_tokens: number | null
  total_tokens: number | null
  cost_usd: number | null
  tags: string
  /** name FIELD_SEP value FIELD_SEP label, joined by RECORD_SEP, oldest score first. */
  scores: string | null
}

export const SCORES_OF_T = `(SELECT string_agg(s.name || '${FIELD_SEP}' || COALESCE(CAST(s.value AS TEXT), '') || '${FIELD_SEP}' ||
    COALESCE(s.string_value, ''), '${RECORD_SEP}' ORDER BY s.timestamp, s.id)
  FROM scores s WHERE s.project_id = t.project_id AND s.trace_id = t.id)`

const FILTER_COLUMNS: [keyof FactFilter, string][] = [
  ['bot', 'bot'], ['version', 'version'], ['variant', 'variant'], ['model', 'model'],
  ['environment', 'environment'], ['promptName', 'prompt_name'], ['promptVersion', 'prompt_version'],
  ['userId', 'user_id'],
] // biome-ignore format: pairs

/** WHERE clause (over alias `t`) of a fact filter and a time range. */
export function factWhere(projectId: string, from: number, to: number, f: FactFilter) {
  const where = ['t.project_id = ?', 't.timestamp >= ?', 't.timestamp < ?']
  const params: SqlValue[] = [projectId, from, to]
  for (const [key, column] of FILTER_COLUMNS) {
    if (f[key] === undefined) continue
    where.push(`t.${column} = ?`)
    params.push(f[key] as SqlValue)
  }
  if (f.tag !== undefined) {
    where.push(
      'EXISTS (SELECT 1 FROM trace_tags g WHERE g.project_id = t.project_id AND g.trace_id = t.id AND g.tag = ?)',
    )
    params.push(f.tag)
  }
  return { sql: where.join(' AND '), params }
}

function traceFactSql(projectId: string, from: number, to: number, f: FactFilter = {}) {
  const { sql, params } = factWhere(projectId, from, to, f)
  return {
    sql: `SELECT t.id, t.timestamp, t.session_id, t.user_id, t.bot, t.version, t.variant, t.model, t.environment,
        t.prompt_name, t.prompt_version, t.status, t.error_type, t.latency_ms, t.ttft_ms, t.input_tokens,
        t.output_tokens, t.total_tokens, t.cost_usd, t.tags, ${SCORES_OF_T} AS scores
      FROM traces t WHERE ${sql}`,
    params,
  }
}

type SqlText = { sql: string; params: SqlValue[] }

/** A fact query read two ways: loaded at once, or streamed (memory stays flat over any window). */
function factReaders<T, F>(build: (projectId: string, from: number, to: number, f?: F) => SqlText) {
  return {
    load(q: Queryable, projectId: string, from: number, to: number, f?: F) {
      const { sql, params } = build(projectId, from, to, f)
      return q.all<T>(sql, params)
    },
    iterate(db: Db, projectId: string, from: number, to: number, f?: F) {
      const { sql, params } = build(projectId, from, to, f)
      return db.iterate<T>(sql, params)
    },
  }
}

/** Traces with timestamp in [from, to): loaded (one hour's worth when building rollups) or streamed. */
export const { load: loadTraceFacts, iterate: iterateTraceFacts } = factReaders<TraceFact, FactFilter>(
  traceFactSql,
)

/** A conversation with figures over all its turns and the dimensions of its first turn. */
export type SessionFact = {
  id: string
  started_at: number
  ended_at: number | null
  s_bot: string | null
  s_environment: string | null
  s_user_id: string | null
  satisfaction: number | null
  resolved: number | null
  stage: string | null
  turns: number
  cost: number | null
  latency: number | null
  errors: number | null
  first_id: string | null
  bot: string | null
  version: string | null
  variant: string | null
  model: string | null
  environment: string | null
  prompt_name: string | null
  prompt_version: number | null
  f_user_id: string | null
  f_tags: string | null
  category: string | null
}

// `+t2.timestamp`, `c.name || ''`, `+c.timestamp`: the few rows of one session or trace are found
// by its id; without them SQLite (which keeps no statistics here) may walk a whole name or time
// index instead. Both engines read them as the plain column.
/** Which conversations to read besides their start: by user, and by a tag on their first turn. */
export type SessionFactFilter = { userId?: string; tag?: string }

function sessionFactSql(projectId: string, from: number, to: number, f: SessionFactFilter = {}) {
  const params: SqlValue[] = [projectId, from, to]
  let where = ''
  if (f.userId !== undefined) {
    where += ' AND s.user_id = ?'
    params.push(f.userId)
  }
  if (f.tag !== undefined) {
    // Checked on each conversation before its turns are summed: a tag filter reads only its own.
    where += ` AND EXISTS (SELECT 1 FROM trace_tags g WHERE g.project_id = s.project_id AND g.tag = ?
      AND g.trace_id = (SELECT t3.id FROM traces t3 WHERE t3.project_id = s.project_id AND t3.session_id = s.id
        ORDER BY +t3.timestamp, t3.id LIMIT 1))`
    params.push(f.tag)
  }
  return {
    sql: `SELECT x.*, f.bot, f.version, f.variant, f.model, f.environment, f.prompt_name, f.prompt_version,
        f.user_id AS f_user_id, f.tags AS f_tags,
        (SELECT c.string_value FROM scores c WHERE c.project_id = f.project_id AND c.trace_id = f.id
          AND (c.name || '') = 'category' AND c.string_value IS NOT NULL ORDER BY +c.timestamp DESC, c.id DESC LIMIT 1) AS category
      FROM (
        SELECT s.project_id, s.id, s.started_at, s.ended_at, s.bot AS s_bot, s.environment AS s_environment,
          s.user_id AS s_user_id, s.satisfaction, s.resolved, s.stage, COUNT(t.id) AS turns,
          SUM(t.cost_usd) AS cost, SUM(t.latency_ms) AS latency,
          SUM(CASE WHEN t.status = 'error' THEN 1 ELSE 0 END) AS errors,
          (SELECT t2.id FROM traces t2 WHERE t2.project_id = s.project_id AND t2.session_id = s.id
            ORDER BY +t2.timestamp, t2.id LIMIT 1) AS first_id
        FROM sessions s LEFT JOIN traces t ON t.project_id = s.project_id AND t.session_id = s.id
        WHERE s.project_id = ? AND s.started_at >= ? AND s.started_at < ?${where}
        GROUP BY s.project_id, s.started_at, s.id
      ) x LEFT JOIN traces f ON f.project_id = x.project_id AND f.id = x.first_id`,
    params,
  }
}

/** Conversations that started in [from, to): loaded or streamed. */
export const { load: loadSessionFacts, iterate: iterateSessionFacts } = factReaders<
  SessionFact,
  SessionFactFilter
>(sessionFactSql)

/** Feedback as a 0..1 satisfaction: the value given, else a 1–5 rating, else thumbs. */
const FEEDBACK_VALUE = `COALESCE(f.satisfaction, (f.rating - 1) / 4.0,
  CASE f.thumbs WHEN 'up' THEN 1.0 WHEN 'down' THEN 0.0 END)`

/** Sum and count of feedback satisfaction per conversation, given on it or on one of its turns. */
export async function feedbackSatisfaction(
  q: Queryable,
  projectId: string,
  sessionIds: readonly string[],
): Promise<Map<string, { n: number; sum: number }>> {
  type R = { sid: string; v: number | null }
  const rows = await selectByIds(sessionIds, async (chunk) => [
    ...(await q.all<R>(
      `SELECT f.session_id AS sid, ${FEEDBACK_VALUE} AS v FROM feedback f
       WHERE f.project_id = ? AND f.session_id IN (${placeholders(chunk.length)})`,
      [projectId, ...chunk],
    )),
    ...(await q.all<R>(
      `SELECT t.session_id AS sid, ${FEEDBACK_VALUE} AS v FROM traces t
       JOIN feedback f ON f.project_id = t.project_id AND f.trace_id = t.id AND f.session_id IS NULL
       WHERE t.project_id = ? AND t.session_id IN (${placeholders(chunk.length)})`,
      [projectId, ...chunk],
    )),
  ])
  const out = new Map<string, { n: number; sum: number }>()
  for (const r of rows) {
    if (r.v === null || r.v === undefined) continue
    const acc = out.get(r.sid) ?? { n: 0, sum: 0 }
    acc.n += 1
    acc.sum += Number(r.v)
    out.set(r.sid, acc)
  }
  return out
}

/** The latest interactions in [from, to) with a score of this name and a latency (scatter plots). */
export function scoredLatencyPoints(
  db: Queryable,
  projectId: string,
  from: number,
  to: number,
  scoreName: string,
  limit: number,
  f: FactFilter = {},
) {
  const { sql, params } = factWhere(projectId, from, to, f)
  // Walks the interactions newest first and looks each one's scores up by trace id (`|| ''`
  // keeps SQLite from walking the whole (name, time) index instead).
  return db.all<{ id: string; timestamp: number; latency_ms: number; value: number }>(
    `SELECT t.id, t.timestamp, t.latency_ms, s.value FROM traces t
     JOIN scores s ON s.project_id = t.project_id AND s.trace_id = t.id AND (s.name || '') = ? AND s.value IS NOT NULL
     WHERE ${sql} AND t.latency_ms IS NOT NULL ORDER BY t.timestamp DESC, t.id DESC LIMIT ?`,
    [scoreName, ...params, limit],
  )
}

/** Conversations with a turn since `since` and no end reported, per bot. */
export function activeConversationsByBot(db: Queryable, projectId: string, since: number) {
  return db.all<{ bot: string | null; n: number }>(
    `SELECT t.bot, COUNT(DISTINCT t.session_id) AS n FROM traces t
     JOIN sessions s ON s.project_id = t.project_id AND s.id = t.session_id
     WHERE t.project_id = ? AND t.timestamp >= ? AND s.ended_at IS NULL GROUP BY t.bot`,
    [projectId, since],
  )
}
