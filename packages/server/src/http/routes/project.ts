import type { FastifyInstance } from 'fastify'
import { ProjectSettings } from '../../model/index.js'
import { getProject, updateProjectSettings } from '../../store/index.js'
import type { AppDeps } from '../app.js'
import { notFound } from '../errors.js'

export async function projectRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/api/v1/project', { config: { scope: 'read' } }, async (request) => {
    const project = await getProject(deps.db, request.auth.projectId)
    if (!project) throw notFound('project', request.auth.projectId)
    return project
  })

  /** Replaces the project's settings, e.g. its price overrides. */
  app.put('/api/v1/project/settings', { config: { scope: 'admin' } }, async (request) => {
    const settings = ProjectSettings.parse(request.body)
    const projectId = request.auth.projectId
    if (!(await updateProjectSettings(deps.db, projectId, settings))) throw notFound('project', projectId)
    deps.pricers.invalidate(projectId)
    return { settings }
  })
}
