import type { Queryable, SqlValue } from '../db.js'

/** A conversation with the figures that decide whether a person should read it. */
export type ReviewRow = {
  id: string
  started_at: number
  user_id: string | null
  bot: string | null
  resolved: number | null
  satisfaction: number | null
  turns: number
  errors: number
  quality_mean: number | null
  sentiment_mean: number | null
  toxicity_max: number | null
  relevance_mean: number | null
}

const scoreAgg = (fn: string, name: string, alias: string) =>
  `${fn}(CASE WHEN sc.name = '${name}' THEN sc.value END) AS ${alias}`

/** Conversations started in [from, to) with their outcome and score extremes over all turns. */
export function reviewCandidates(
  db: Queryable,
  projectId: string,
  from: number,
  to: number,
  f: { bot?: string; userId?: string } = {},
): Promise<ReviewRow[]> {
  const where = ['s.project_id = ?', 's.started_at >= ?', 's.started_at < ?']
  const params: SqlValue[] = [projectId, from, to]
  if (f.bot !== undefined) {
    where.push('s.bot = ?')
    params.push(f.bot)
  }
  if (f.userId !== undefined) {
    where.push('s.user_id = ?')
    params.push(f.userId)
  }
  return db.all<ReviewRow>(
    `SELECT s.id, s.started_at, s.user_id, s.bot, s.resolved, s.satisfaction,
       COUNT(DISTINCT t.id) AS turns, COUNT(DISTINCT CASE WHEN t.status = 'error' THEN t.id END) AS errors,
       ${scoreAgg('AVG', 'quality', 'quality_mean')}, ${scoreAgg('AVG', 'sentiment', 'sentiment_mean')},
       ${scoreAgg('MAX', 'toxicity', 'toxicity_max')}, ${scoreAgg('AVG', 'relevance', 'relevance_mean')}
     FROM sessions s
     LEFT JOIN traces t ON t.project_id = s.project_id AND t.session_id = s.id
     LEFT JOIN scores sc ON sc.project_id = t.project_id AND sc.trace_id = t.id
       AND (sc.name || '') IN ('quality', 'sentiment', 'toxicity', 'relevance')
     WHERE ${where.join(' AND ')}
     GROUP BY s.project_id, s.id`,
    params,
  )
}

/** Every numeric score of every turn of a conversation. */
export function sessionTurnScores(db: Queryable, projectId: string, sessionId: string) {
  return db.all<{ trace_id: string; name: string; value: number | null; string_value: string | null }>(
    `SELECT sc.trace_id, sc.name, sc.value, sc.string_value FROM traces t
     JOIN scores sc ON sc.project_id = t.project_id AND sc.trace_id = t.id
     WHERE t.project_id = ? AND t.session_id = ? ORDER BY sc.timestamp, sc.id`,
    [projectId, sessionId],
  )
}

/** The user queries of recent interactions in [from, to), newest first (topic clustering). */
export function recentQueries(
  db: Queryable,
  projectId: string,
  from: number,
  to: number,
  limit: number,
  bot?: string,
) {
  return db.all<{ id: string; input: string | null; quality: number | null }>(
    `SELECT t.id, t.input, (SELECT AVG(q.value) FROM scores q WHERE q.project_id = t.project_id
        AND q.trace_id = t.id AND (q.name || '') = 'quality') AS quality
     FROM traces t WHERE t.project_id = ? AND t.timestamp >= ? AND t.timestamp < ? AND t.input IS NOT NULL
       ${bot !== undefined ? 'AND t.bot = ?' : ''}
     ORDER BY t.timestamp DESC LIMIT ?`,
    bot !== undefined ? [projectId, from, to, bot, limit] : [projectId, from, to, limit],
  )
}
