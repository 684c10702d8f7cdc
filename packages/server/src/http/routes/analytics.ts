import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import {
  AnalyticsQuery,
  analyzeConversation,
  getMetrics,
  getOverview,
  getSeries,
  getTrends,
  reviewQueue,
  topTopics,
  WindowFilterQuery,
} from '../../analytics/index.js'
import type { AppDeps } from '../app.js'
import { notFound } from '../errors.js'

const Limit = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback)
const IdParams = z.object({ id: z.string().min(1).max(200) })

/** Metrics, series, trends and the dashboard overview; conversation analytics and topics. */
export async function analyticsRoutes(app: FastifyInstance, deps: AppDeps) {
  const read = { config: { scope: 'read' as const } }

  app.get('/api/v1/analytics/metrics', read, async (request) =>
    getMetrics(deps.db, request.auth.projectId, AnalyticsQuery.parse(request.query)),
  )

  app.get('/api/v1/analytics/series', read, async (request) => {
    const { anomalies } = z
      .object({ anomalies: z.enum(['true', 'false']).default('true') })
      .parse(request.query)
    return getSeries(deps.db, request.auth.projectId, AnalyticsQuery.parse(request.query), {
      anomalies: anomalies === 'true',
    })
  })

  app.get('/api/v1/analytics/trends', read, async (request) =>
    getTrends(deps.db, request.auth.projectId, AnalyticsQuery.parse(request.query)),
  )

  app.get('/api/v1/analytics/overview', read, async (request) =>
    getOverview(deps.db, request.auth.projectId, AnalyticsQuery.parse(request.query)),
  )

  app.get('/api/v1/analytics/topics', read, async (request) => {
    const { window, filter } = WindowFilterQuery.parse(request.query)
    const { limit } = z.object({ limit: Limit(5000, 2000) }).parse(request.query)
    return topTopics(deps.db, request.auth.projectId, window, { bot: filter.bot, limit })
  })

  app.get('/api/v1/analytics/conversations/review', read, async (request) => {
    const { window, filter } = WindowFilterQuery.parse(request.query)
    const { limit } = z.object({ limit: Limit(500, 50) }).parse(request.query)
    return reviewQueue(deps.db, request.auth.projectId, window, {
      bot: filter.bot,
      userId: filter.userId,
      limit,
    })
  })

  app.get('/api/v1/analytics/conversations/:id', read, async (request) => {
    const { id } = IdParams.parse(request.params)
    const analysis = await analyzeConversation(deps.db, request.auth.projectId, id)
    if (!analysis) throw notFound('conversation', id)
    return analysis
  })
}
