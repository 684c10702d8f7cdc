import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
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

  /** Sets some of the project's settings (price overrides, evaluation); the sections not sent stay. */
  app.put('/api/v1/project/settings', { config: { scope: 'admin' } }, async (request) => {
    const projectId = request.auth.projectId
    const current = await getProject(deps.db, projectId)
    if (!current) throw notFound('project', projectId)
    const body = z.record(z.string(), z.unknown()).parse(request.body ?? {})
    const settings = ProjectSettings.parse({ ...current.settings, ...body })
    if (!(await updateProjectSettings(deps.db, projectId, settings))) throw notFound('project', projectId)
    deps.pricers.invalidate(projectId)
    deps.onSettingsChanged(projectId)
    return { settings }
  })
}
