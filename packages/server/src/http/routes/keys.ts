import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { ApiKeyCreate } from '../../model/index.js'
import { createApiKey } from '../../projects/index.js'
import { listApiKeys, revokeApiKey } from '../../store/index.js'
import type { AppDeps } from '../app.js'
import { notFound } from '../errors.js'

export async function keyRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/api/v1/keys', { config: { scope: 'admin' } }, async (request) => ({
    data: await listApiKeys(deps.db, request.auth.projectId),
  }))

  app.post('/api/v1/keys', { config: { scope: 'admin' } }, async (request, reply) => {
    const input = ApiKeyCreate.parse(request.body ?? {})
    const { key, secret } = await createApiKey(deps.db, request.auth.projectId, input)
    return reply.status(201).send({ key, secret })
  })

  app.delete('/api/v1/keys/:id', { config: { scope: 'admin' } }, async (request, reply) => {
    const { id } = z.object({ id: z.string().min(1).max(200) }).parse(request.params)
    if (!(await revokeApiKey(deps.db, request.auth.projectId, id, Date.now()))) throw notFound('key', id)
    deps.auth.invalidate()
    return reply.status(204).send()
  })
}
