import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { ScoreSource, ShortText } from '../../model/index.js'
import { listFeedback, listScores, summarizeScores } from '../../store/index.js'
import type { AppDeps } from '../app.js'
import { ingestOne } from '../ingest-one.js'
import { PageQuery, QueryTime } from '../query.js'

const ScoreQuery = z.object({
  traceId: ShortText.optional(),
  sessionId: ShortText.optional(),
  name: ShortText.optional(),
  source: ScoreSource.optional(),
  evaluator: ShortText.optional(),
  from: QueryTime.optional(),
  to: QueryTime.optional(),
})

const FeedbackQuery = z.object({
  traceId: ShortText.optional(),
  sessionId: ShortText.optional(),
  userId: ShortText.optional(),
  thumbs: z.enum(['up', 'down']).optional(),
  from: QueryTime.optional(),
  to: QueryTime.optional(),
  ...PageQuery,
})

/** Scores from any source and end-user feedback: create, list, aggregate. */
export async function scoreRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/api/v1/scores', { config: { scope: 'read' } }, async (request) => {
    const { limit, cursor, ...filter } = ScoreQuery.extend(PageQuery).parse(request.query)
    return listScores(deps.db, request.auth.projectId, filter, { limit, cursor })
  })

  app.get('/api/v1/scores/summary', { config: { scope: 'read' } }, async (request) => ({
    data: await summarizeScores(deps.db, request.auth.projectId, ScoreQuery.parse(request.query)),
  }))

  /** A score from a person or a program; `source` defaults to "api" (use "human" for reviews). */
  app.post('/api/v1/scores', { config: { scope: 'ingest' } }, async (request, reply) => {
    const body = { source: 'api', ...z.record(z.string(), z.unknown()).parse(request.body) }
    const id = await ingestOne(deps, request.auth.projectId, 'score-create', body)
    return reply.status(201).send({ id })
  })

  app.get('/api/v1/feedback', { config: { scope: 'read' } }, async (request) => {
    const { limit, cursor, ...filter } = FeedbackQuery.parse(request.query)
    return listFeedback(deps.db, request.auth.projectId, filter, { limit, cursor })
  })

  app.post('/api/v1/feedback', { config: { scope: 'ingest' } }, async (request, reply) => {
    const id = await ingestOne(deps, request.auth.projectId, 'feedback-create', request.body)
    return reply.status(201).send({ id })
  })
}
