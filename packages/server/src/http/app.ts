import Fastify, { type FastifyInstance } from 'fastify'
import type { IngestHooks, PreparePool } from '../ingest/index.js'
import type { Provider } from '../llm/index.js'
import { MAX_BODY_BYTES, type Scope } from '../model/index.js'
import type { ProjectPricers } from '../projects/index.js'
import type { Db } from '../store/index.js'
import { type AuthContext, type Authenticator, requireScope } from './auth.js'
import { handleError } from './error-handler.js'
import { AppError } from './errors.js'
import { registerRoutes } from './routes/index.js'

export type AppDeps = {
  db: Db
  auth: Authenticator
  pricers: ProjectPricers
  hooks: IngestHooks
  /** Parses and validates ingest bodies (in worker threads when there are cores to spare). */
  ingestPool: PreparePool
  provider: Provider
  /** Tells caches that a project's settings changed. */
  onSettingsChanged: (projectId: string) => void
  version: string
  logger?: boolean | object
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext
  }
  interface FastifyContextConfig {
    /** The scope a route needs; API routes without one need admin. */
    scope?: Scope
    public?: boolean
  }
}

/** Builds the HTTP app. Every /api route is authenticated and scope-checked before its handler. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: MAX_BODY_BYTES,
    routerOptions: { ignoreTrailingSlash: true },
  })
  // The API speaks JSON only; anything else is a 415 rather than a confusing 400.
  app.removeContentTypeParser('text/plain')
  app.decorateRequest('auth', null as unknown as AuthContext)
  app.setErrorHandler(handleError)
  app.setNotFoundHandler((req) => {
    throw new AppError(404, 'not_found', `no route ${req.method} ${req.url.split('?')[0]}`)
  })
  app.addHook('onRequest', async function authenticate(request) {
    const config = request.routeOptions.config
    if (config.public || !request.url.startsWith('/api/')) return
    request.auth = await deps.auth.authenticate(request.headers.authorization)
    requireScope(request.auth, config.scope ?? 'admin')
  })
  await registerRoutes(app, deps)
  return app
}
