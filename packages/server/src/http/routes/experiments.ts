import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import {
  assignUnit,
  createExperiment,
  ExperimentCreate,
  ExperimentKey,
  ExperimentUpdate,
  experimentResults,
  experimentView,
  removeExperiment,
  requireExperiment,
  StopBody,
  startExperiment,
  stopExperiment,
  updateExperiment,
} from '../../experiments/index.js'
import { Id } from '../../model/index.js'
import { listExperiments } from '../../store/index.js'
import type { AppDeps } from '../app.js'
import { authenticateReadOrIngest, readOrIngest, service } from './prompts.js'

const KeyParams = z.object({ key: ExperimentKey })
const ListQuery = z.object({ status: z.enum(['draft', 'running', 'stopped']).optional() })
const AssignQuery = z.object({ unitId: Id })

/** A/B experiments: definition, lifecycle, assignment and results. See docs/experiments.md. */
export async function experimentRoutes(app: FastifyInstance, deps: AppDeps) {
  const read = { config: { scope: 'read' as const } }
  const admin = { config: { scope: 'admin' as const } }

  app.get('/api/v1/experiments', read, async (request) => {
    const filter = ListQuery.parse(request.query)
    return { data: (await listExperiments(deps.db, request.auth.projectId, filter)).map(experimentView) }
  })

  app.post('/api/v1/experiments', admin, async (request, reply) => {
    const body = ExperimentCreate.parse(request.body)
    const e = await service(() => createExperiment(deps.db, request.auth.projectId, body, request.auth.keyId))
    return reply.status(201).send(e)
  })

  /** The definition with its bucket ranges: what the SDK caches to assign units itself. */
  app.get('/api/v1/experiments/:key', readOrIngest, async (request) => {
    await authenticateReadOrIngest(deps, request)
    const { key } = KeyParams.parse(request.params)
    return experimentView(await service(() => requireExperiment(deps.db, request.auth.projectId, key)))
  })

  app.patch('/api/v1/experiments/:key', admin, async (request) => {
    const { key } = KeyParams.parse(request.params)
    const body = ExperimentUpdate.parse(request.body ?? {})
    return service(() => updateExperiment(deps.db, request.auth.projectId, key, body, request.auth.keyId))
  })

  app.delete('/api/v1/experiments/:key', admin, async (request, reply) => {
    const { key } = KeyParams.parse(request.params)
    await service(() => removeExperiment(deps.db, request.auth.projectId, key))
    return reply.status(204).send()
  })

  app.post('/api/v1/experiments/:key/start', admin, async (request) => {
    const { key } = KeyParams.parse(request.params)
    return service(() => startExperiment(deps.db, request.auth.projectId, key, request.auth.keyId))
  })

  app.post('/api/v1/experiments/:key/stop', admin, async (request) => {
    const { key } = KeyParams.parse(request.params)
    const body = StopBody.parse(request.body ?? {})
    return service(() =>
      stopExperiment(deps.db, request.auth.projectId, key, { ...body, by: request.auth.keyId }),
    )
  })

  /** The variant of one unit (user or session id); the SDK computes the same locally. */
  app.get('/api/v1/experiments/:key/assign', readOrIngest, async (request) => {
    await authenticateReadOrIngest(deps, request)
    const { key } = KeyParams.parse(request.params)
    const { unitId } = AssignQuery.parse(request.query)
    return assignUnit(await service(() => requireExperiment(deps.db, request.auth.projectId, key)), unitId)
  })

  app.get('/api/v1/experiments/:key/results', read, async (request) => {
    const { key } = KeyParams.parse(request.params)
    return service(() => experimentResults(deps.db, request.auth.projectId, key))
  })
}
