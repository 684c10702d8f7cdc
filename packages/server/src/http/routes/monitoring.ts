import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../app.js'
import { alertRoutes } from './alerts.js'
import { analyticsRoutes } from './analytics.js'
import { prometheusRoutes } from './prometheus.js'
import { reportRoutes } from './reports.js'

/** Analytics, alerts, reports, export and /metrics: one entry in ROUTES. */
export async function monitoringRoutes(app: FastifyInstance, deps: AppDeps) {
  for (const routes of [analyticsRoutes, alertRoutes, reportRoutes, prometheusRoutes]) await routes(app, deps)
}
