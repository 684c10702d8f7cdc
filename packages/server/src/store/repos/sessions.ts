import type { ConversationStage, Session, SessionStats } from '../../model/index.js'
import type { Queryable, SqlValue } from '../db.js'
import { type Cursor, type Page, toPage } from './cursor.js'
import { findByIds, parseJson, placeholders, selectByIds, toBool, upsertRows, Where } from './sql.js'

// biome-ignore format: a table of column names
export const SESSION_COLUMNS = [
  'project_id', 'id', 'user_id', 'bot', 'environment', 'started_at', 'ended_at', 'satisfaction',
  'resolved', 'stage', 'tags', 'metadata', 'created_at', 'updated_at',
] as const

export type SessionRow = { [K in (typeof SESSION_COLUMNS)[number]]: SqlValue } & {
  project_id: string
  id: string
  started_at: number
  tags: string
  metadata: string
}

export function sessionRowToSession(r: SessionRow): Session {
  return {
    id: r.id,
    projectId: r.project_id,
    userId: r.user_id as string | null,
    bot: r.bot as string | null,
    environment: r.environment as string | null,
    startedAt: r.started_at,
    endedAt: r.ended_at as number | null,
    satisfaction: r.satisfaction as number | null,
    resolved: toBool(r.resolved),
    stage: r.stage as ConversationStage | null,
    tags: parseJson<string[]>(r.tags, []),
    metadata: parseJson<Record<string, unknown>>(r.metadata, {}),
    createdAt: r.created_at as number,
    updatedAt: r.updated_at as number,
  }
}

export const findSessionRows = (tx: Queryable, projectId: string, ids: readonly string[]) =>
  findByIds<SessionRow>(tx, 'sessions', projectId, ids)

export function upsertSessionRows(tx: Queryable, rows: readonly SessionRow[]): Promise<void> {
  return upsertRows(tx, 'sessions', SESSION_COLUMNS, ['project_id', 'id'], rows)
}

export type SessionFilter = {
  from?: number
  to?: number
  userId?: string
  bot?: string
  environment?: string
  resolved?: boolean
}

export type SessionWithStats = Session & { stats: SessionStats }

/** Newest first by start, keyset-paginated; each with figures derived from its turns. */
export async function listSessions(
  db: Queryable,
  projectId: string,
  f: SessionFilter,
  page: { limit: number; cursor?: Cursor | null },
): Promise<Page<SessionWithStats>> {
  const where = new Where()
    .add('project_id = ?', projectId)
    .when('started_at >= ?', f.from)
    .when('started_at < ?', f.to)
    .when('user_id = ?', f.userId)
    .when('bot = ?', f.bot)
    .when('environment = ?', f.environment)
    .when('resolved = ?', f.resolved === undefined ? undefined : f.resolved ? 1 : 0)
    .before(page.cursor, 'started_at')
  const rows = await db.all<SessionRow>(
    `SELECT * FROM sessions WHERE ${where.sql} ORDER BY started_at DESC, id DESC LIMIT ?`,
    [...where.params, page.limit + 1],
  )
  const result = toPage(rows.map(sessionRowToSession), page.limit, (s) => ({ t: s.startedAt, id: s.id }))
  const stats = await sessionStats(
    db,
    projectId,
    result.data.map((s) => s.id),
  )
  return { ...result, data: result.data.map((s) => ({ ...s, stats: stats.get(s.id) ?? EMPTY_STATS })) }
}

export const EMPTY_STATS: SessionStats = {
  turns: 0,
  firstTurnAt: null,
  lastTurnAt: null,
  totalLatencyMs: 0,
  avgLatencyMs: null,
  totalTokens: 0,
  costUsd: 0,
  errors: 0,
}

export async function sessionStats(
  db: Queryable,
  projectId: string,
  sessionIds: readonly string[],
): Promise<Map<string, SessionStats>> {
  type R = {
    session_id: string
    turns: number
    first_at: number
    last_at: number
    latency: number | null
    avg_latency: number | null
    tokens: number | null
    cost: number | null
    errors: number
  }
  const rows = await selectByIds(sessionIds, (chunk) =>
    db.all<R>(
      `SELECT session_id, COUNT(*) AS turns, MIN(timestamp) AS first_at, MAX(timestamp) AS last_at,
        SUM(latency_ms) AS latency, AVG(latency_ms) AS avg_latency, SUM(total_tokens) AS tokens,
        SUM(cost_usd) AS cost, SUM(CASE WHEN status = 'error' THEN 1 ELSE 0 END) AS errors
      FROM traces WHERE project_id = ? AND session_id IN (${placeholders(chunk.length)}) GROUP BY session_id`,
      [projectId, ...chunk],
    ),
  )
  return new Map(
    rows.map((r) => [
      r.session_id,
      {
        turns: Number(r.turns),
        firstTurnAt: r.first_at,
        lastTurnAt: r.last_at,
        totalLatencyMs: r.latency ?? 0,
        avgLatencyMs: r.avg_latency,
        totalTokens: Number(r.tokens ?? 0),
        costUsd: r.cost ?? 0,
        errors: Number(r.errors),
      },
    ]),
  )
}

export async function getSession(db: Queryable, projectId: string, id: string): Promise<Session | undefined> {
  const row = await db.get<SessionRow>('SELECT * FROM sessions WHERE project_id = ? AND id = ?', [
    projectId,
    id,
  ])
  return row && sessionRowToSession(row)
}
