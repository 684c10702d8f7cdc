import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import {
  AnalyticsQuery,
  analyzeConversation,
  FilterFields,
  getMetrics,
  getOverview,
  getSeries,
  getTrends,
  reviewQueue,
  topTopics,
  WindowFields,
  windowOf,
} from '../../analytics/index.js'
import type { AppDeps } from '../app.js'
import { notFound } from '../errors.js'

const Limit = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback)
const IdParams = z.object({ id: z.string().min(1).max(200) })

/** Topics and the review queue read raw rows of the window; they filter on bot (and user). */
const TopicsQuery = z
  .object({ ...WindowFields, bot: FilterFields.bot, limit: Limit(5000, 2000) })
  .transform((v, ctx) => ({ window: windowOf(v, ctx), bot: v.bot, limit: v.limit }))
const ReviewQuery = z
  .object({ ...WindowFields, bot: FilterFields.bot, userId: FilterFields.userId, limit: Limit(500, 50) })
  .transform((v, ctx) => ({ window: windowOf(v, ctx), bot: v.bot, userId: v.userId, limit: v.limit }))

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
    const { window, ...o } = TopicsQuery.parse(request.query)
    return topTopics(deps.db, request.auth.projectId, window, o)
  })

  app.get('/api/v1/analytics/conversations/review', read, async (request) => {
    const { window, ...o } = ReviewQuery.parse(request.query)
    return reviewQueue(deps.db, request.auth.projectId, window, o)
  })

  app.get('/api/v1/analytics/conversations/:id', read, async (request) => {
    const { id } = IdParams.parse(request.params)
    const analysis = await analyzeConversation(deps.db, request.auth.projectId, id)
    if (!analysis) throw notFound('conversation', id)
    return analysis
  })
}
