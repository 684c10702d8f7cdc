import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { Id } from '../../model/index.js'
import { ActionsQuery, CycleBody, revertAction, runCycle } from '../../optimize/index.js'
import { listOptimizationActions } from '../../store/index.js'
import type { AppDeps } from '../app.js'
import { PageQuery } from '../query.js'
import { service } from './prompts.js'

const IdParams = z.object({ id: Id })
const ActionsPage = ActionsQuery.extend(PageQuery)

/** The optimization cycle, its log of actions, and undoing one. See docs/optimization.md. */
export async function optimizeRoutes(app: FastifyInstance, deps: AppDeps) {
  const read = { config: { scope: 'read' as const } }
  const admin = { config: { scope: 'admin' as const } }

  /** Checks running experiments and promotes winners the statistics support (dryRun: only says what it would do). */
  app.post('/api/v1/optimize/cycle', admin, async (request) => {
    const body = CycleBody.parse(request.body ?? {})
    return {
      checks: await service(() =>
        runCycle(deps.db, request.auth.projectId, { ...body, by: request.auth.keyId }),
      ),
    }
  })

  app.get('/api/v1/optimize/actions', read, async (request) => {
    const { limit, cursor, ...filter } = ActionsPage.parse(request.query)
    return listOptimizationActions(deps.db, request.auth.projectId, filter, { limit, cursor })
  })

  app.post('/api/v1/optimize/actions/:id/revert', admin, async (request) => {
    const { id } = IdParams.parse(request.params)
    return service(() => revertAction(deps.db, request.auth.projectId, id, request.auth.keyId))
  })
}
