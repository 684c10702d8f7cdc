import type { FastifyInstance } from 'fastify'
import { ProcessMetrics, renderMetrics, SnapshotCache } from '../../analytics/index.js'
import type { AppDeps } from '../app.js'
import { requireScope } from '../auth.js'

/**
 * Prometheus metrics of the project whose key scrapes them (bearer token, read scope), plus
 * the server's own figures. Configure the scrape job with `authorization: { credentials: <key> }`.
 */
export async function prometheusRoutes(app: FastifyInstance, deps: AppDeps) {
  const processMetrics = new ProcessMetrics()
  deps.hooks.afterCommit.push(processMetrics.onIngest)
  const snapshots = new SnapshotCache(deps.db)

  app.get('/metrics', async (request, reply) => {
    const auth = await deps.auth.authenticate(request.headers.authorization)
    requireScope(auth, 'read')
    const { contentType, body } = await renderMetrics(processMetrics, await snapshots.get(auth.projectId))
    return reply.type(contentType).send(body)
  })
}
