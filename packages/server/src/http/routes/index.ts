import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../app.js'
import { evaluationRoutes } from './evaluations.js'
import { healthRoutes } from './health.js'
import { ingestRoutes } from './ingest.js'
import { keyRoutes } from './keys.js'
import { monitoringRoutes } from './monitoring.js'
import { projectRoutes } from './project.js'
import { scoreRoutes } from './scores.js'
import { sessionRoutes } from './sessions.js'
import { traceRoutes } from './traces.js'
import { webRoutes } from './web.js'

/** Every route module, in one list. See README.md in this folder for how to add one. */
export const ROUTES = [
  healthRoutes,
  ingestRoutes,
  traceRoutes,
  sessionRoutes,
  keyRoutes,
  projectRoutes,
  scoreRoutes,
  evaluationRoutes,
  monitoringRoutes,
  webRoutes,
]

export async function registerRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  for (const routes of ROUTES) await routes(app, deps)
}
