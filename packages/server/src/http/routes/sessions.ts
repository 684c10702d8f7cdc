import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { ShortText } from '../../model/index.js'
import {
  EMPTY_STATS,
  getSession,
  listFeedbackFor,
  listScoresFor,
  listSessions,
  listSessionTraces,
  sessionStats,
} from '../../store/index.js'
import type { AppDeps } from '../app.js'
import { notFound } from '../errors.js'
import { PageQuery, QueryTime } from '../query.js'

export const SessionListQuery = z.object({
  from: QueryTime.optional(),
  to: QueryTime.optional(),
  userId: ShortText.optional(),
  bot: ShortText.optional(),
  environment: ShortText.optional(),
  resolved: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  ...PageQuery,
})

const IdParams = z.object({ id: z.string().min(1).max(200) })

export async function sessionRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/api/v1/sessions', { config: { scope: 'read' } }, async (request) => {
    const { limit, cursor, ...filter } = SessionListQuery.parse(request.query)
    return listSessions(deps.db, request.auth.projectId, filter, { limit, cursor })
  })

  app.get('/api/v1/sessions/:id', { config: { scope: 'read' } }, async (request) => {
    const { id } = IdParams.parse(request.params)
    const projectId = request.auth.projectId
    const session = await getSession(deps.db, projectId, id)
    if (!session) throw notFound('session', id)
    const [turns, stats, scores, feedback] = await Promise.all([
      listSessionTraces(deps.db, projectId, id),
      sessionStats(deps.db, projectId, [id]),
      listScoresFor(deps.db, projectId, { sessionId: id }),
      listFeedbackFor(deps.db, projectId, { sessionId: id }),
    ])
    return { session, stats: stats.get(id) ?? EMPTY_STATS, turns, scores, feedback }
  })
}
