import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { TaskName } from '../../eval/index.js'
import { reevaluate } from '../../eval/reevaluate.js'
import { SettingsCache } from '../../eval/settings-cache.js'
import { ShortText } from '../../model/index.js'
import { jobCounts, listJobs } from '../../store/index.js'
import type { AppDeps } from '../app.js'
import { PageQuery } from '../query.js'
import { TraceListQuery } from './traces.js'

const JobQuery = z.object({
  status: z.enum(['pending', 'running', 'done', 'skipped', 'failed']).optional(),
  traceId: ShortText.optional(),
  evaluator: ShortText.optional(),
  ...PageQuery,
})

const RunRequest = z
  .object({
    traceIds: z.array(ShortText.min(1)).min(1).max(10_000).optional(),
    filter: TraceListQuery.omit({ limit: true, cursor: true, view: true }).optional(),
    tasks: z.array(TaskName).min(1).optional(),
    limit: z.number().int().min(1).max(10_000).optional(),
  })
  .refine((r) => r.traceIds || r.filter, { message: 'give traceIds or a filter', path: ['traceIds'] })

export async function evaluationRoutes(app: FastifyInstance, deps: AppDeps) {
  const settings = new SettingsCache()

  app.get('/api/v1/evaluations/status', { config: { scope: 'read' } }, async (request) => {
    const counts = await jobCounts(deps.db, request.auth.projectId)
    const project = await settings.get(deps.db, request.auth.projectId, 0)
    return {
      jobs: counts,
      lagMs: counts.oldestPendingAt === null ? 0 : Date.now() - counts.oldestPendingAt,
      judge: { provider: deps.provider.name, simulated: deps.provider.simulated, mode: project.judge.mode },
    }
  })

  app.get('/api/v1/evaluations/jobs', { config: { scope: 'read' } }, async (request) => {
    const { limit, cursor, ...filter } = JobQuery.parse(request.query)
    return listJobs(deps.db, request.auth.projectId, filter, { limit, cursor })
  })

  /** Evaluates traces again now (sampling aside): by id, or all matching a filter. */
  app.post('/api/v1/evaluations/run', { config: { scope: 'admin' } }, async (request, reply) => {
    const body = RunRequest.parse(request.body ?? {})
    const projectId = request.auth.projectId
    const current = await settings.get(deps.db, projectId, 0)
    const result = await reevaluate(deps.db, projectId, current, !deps.provider.simulated, body)
    return reply.status(202).send(result)
  })
}
