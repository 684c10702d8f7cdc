import type { FastifyInstance } from 'fastify'
import { ingestBatch } from '../../ingest/index.js'
import { IngestRequest } from '../../model/index.js'
import type { AppDeps } from '../app.js'

export async function ingestRoutes(app: FastifyInstance, deps: AppDeps) {
  app.post('/api/v1/ingest', { config: { scope: 'ingest' } }, async (request, reply) => {
    const { batch } = IngestRequest.parse(request.body)
    const projectId = request.auth.projectId
    const pricer = await deps.pricers.get(projectId)
    const result = await ingestBatch(deps.db, { projectId, pricer, hooks: deps.hooks }, batch)
    return reply.status(207).send(result)
  })
}
