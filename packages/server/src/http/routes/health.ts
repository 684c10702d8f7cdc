import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../app.js'

export async function healthRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/health', { config: { public: true } }, async () => ({ status: 'ok', version: deps.version }))
}
