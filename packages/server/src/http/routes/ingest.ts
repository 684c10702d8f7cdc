import type { FastifyInstance } from 'fastify'
import { commitBatch } from '../../ingest/index.js'
import { MAX_BODY_BYTES } from '../../model/index.js'
import type { AppDeps } from '../app.js'
import { AppError } from '../errors.js'

export async function ingestRoutes(app: FastifyInstance, deps: AppDeps) {
  // Its own scope: the body arrives as raw bytes and is parsed and validated in a worker thread.
  await app.register(async function rawJsonScope(scope) {
    scope.removeContentTypeParser('application/json')
    scope.addContentTypeParser(
      'application/json',
      { parseAs: 'buffer', bodyLimit: MAX_BODY_BYTES },
      (_req, body, done) => done(null, body),
    )
    scope.post('/api/v1/ingest', { config: { scope: 'ingest' } }, async (request, reply) => {
      const body = request.body as Buffer | undefined
      if (!body) throw new AppError(400, 'invalid_json', 'the request body is empty; send a JSON object')
      const now = Date.now()
      const parsed = await deps.ingestPool.prepare(body, now)
      if (!parsed.ok) {
        const { status, code, message, field } = parsed.error
        throw new AppError(status, code, message, field === undefined ? {} : { field })
      }
      const projectId = request.auth.projectId
      const pricer = await deps.pricers.get(projectId)
      const result = await commitBatch(
        deps.db,
        { projectId, pricer, hooks: deps.hooks, now },
        parsed.prepared,
      )
      return reply.status(207).send(result)
    })
  })
}
