import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../app.js'
import { datasetRoutes } from './datasets.js'
import { evaluationRoutes } from './evaluations.js'
import { experimentRoutes } from './experiments.js'
import { healthRoutes } from './health.js'
import { ingestRoutes } from './ingest.js'
import { keyRoutes } from './keys.js'
import { monitoringRoutes } from './monitoring.js'
import { optimizeRoutes } from './optimize.js'
import { playgroundRoutes } from './playground.js'
import { projectRoutes } from './project.js'
import { promptRoutes } from './prompts.js'
import { recommendationRoutes } from './recommendations.js'
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
  promptRoutes,
  experimentRoutes,
  datasetRoutes,
  recommendationRoutes,
  optimizeRoutes,
  playgroundRoutes,
  monitoringRoutes,
  webRoutes,
]

export async function registerRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  for (const routes of ROUTES) await routes(app, deps)
}
