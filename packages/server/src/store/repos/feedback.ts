import type { Feedback, Thumbs } from '../../model/index.js'
import type { Queryable, SqlValue } from '../db.js'
import { type Cursor, type Page, toPage } from './cursor.js'
import { findByIds, parseJson, upsertRows, Where } from './sql.js'

// biome-ignore format: a table of column names
export const FEEDBACK_COLUMNS = [
  'project_id', 'id', 'trace_id', 'session_id', 'user_id', 'thumbs', 'rating', 'satisfaction', 'comment',
  'correction', 'timestamp', 'metadata', 'created_at',
] as const

export type FeedbackRow = { [K in (typeof FEEDBACK_COLUMNS)[number]]: SqlValue } & {
  project_id: string
  id: string
  timestamp: number
  metadata: string
}

export function feedbackRowToFeedback(r: FeedbackRow): Feedback {
  return {
    id: r.id,
    projectId: r.project_id,
    traceId: r.trace_id as string | null,
    sessionId: r.session_id as string | null,
    userId: r.user_id as string | null,
    thumbs: r.thumbs as Thumbs | null,
    rating: r.rating as number | null,
    satisfaction: r.satisfaction as number | null,
    comment: r.comment as string | null,
    correction: r.correction as string | null,
    timestamp: r.timestamp,
    metadata: parseJson<Record<string, unknown>>(r.metadata, {}),
    createdAt: r.created_at as number,
  }
}

export const findFeedbackRows = (tx: Queryable, projectId: string, ids: readonly string[]) =>
  findByIds<FeedbackRow>(tx, 'feedback', projectId, ids)

export function upsertFeedbackRows(tx: Queryable, rows: readonly FeedbackRow[]): Promise<void> {
  return upsertRows(tx, 'feedback', FEEDBACK_COLUMNS, ['project_id', 'id'], rows)
}

export async function listFeedbackFor(
  db: Queryable,
  projectId: string,
  target: { traceId: string } | { sessionId: string },
): Promise<Feedback[]> {
  const [column, value] =
    'traceId' in target ? ['trace_id', target.traceId] : ['session_id', target.sessionId]
  const rows = await db.all<FeedbackRow>(
    `SELECT * FROM feedback WHERE project_id = ? AND ${column} = ? ORDER BY timestamp`,
    [projectId, value as SqlValue],
  )
  return rows.map(feedbackRowToFeedback)
}

export type FeedbackFilter = {
  traceId?: string
  sessionId?: string
  userId?: string
  thumbs?: string
  from?: number
  to?: number
}

/** Newest first, keyset-paginated on (timestamp, id). */
export async function listFeedback(
  db: Queryable,
  projectId: string,
  f: FeedbackFilter,
  page: { limit: number; cursor?: Cursor | null },
): Promise<Page<Feedback>> {
  const where = new Where()
    .add('project_id = ?', projectId)
    .when('trace_id = ?', f.traceId)
    .when('session_id = ?', f.sessionId)
    .when('user_id = ?', f.userId)
    .when('thumbs = ?', f.thumbs)
    .when('timestamp >= ?', f.from)
    .when('timestamp < ?', f.to)
    .before(page.cursor, 'timestamp')
  const rows = await db.all<FeedbackRow>(
    `SELECT * FROM feedback WHERE ${where.sql} ORDER BY timestamp DESC, id DESC LIMIT ?`,
    [...where.params, page.limit + 1],
  )
  return toPage(rows.map(feedbackRowToFeedback), page.limit, (x) => ({ t: x.timestamp, id: x.id }))
}
