import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { Id } from '../../model/index.js'
import {
  ApplyBody,
  applyRecommendation,
  GenerateBody,
  generateRecommendations,
  llmRecommendations,
  RecommendationQuery,
  StatusBody,
  setRecommendationStatus,
} from '../../optimize/index.js'
import { getRecommendation, listRecommendations } from '../../store/index.js'
import type { AppDeps } from '../app.js'
import { notFound } from '../errors.js'
import { service } from './prompts.js'

const IdParams = z.object({ id: Id })

/** Recommendations: generate from the data (and optionally an LLM), list, dismiss, apply. See docs/optimization.md. */
export async function recommendationRoutes(app: FastifyInstance, deps: AppDeps) {
  const read = { config: { scope: 'read' as const } }
  const admin = { config: { scope: 'admin' as const } }

  app.get('/api/v1/recommendations', read, async (request) => {
    const q = RecommendationQuery.parse(request.query)
    return { data: await listRecommendations(deps.db, request.auth.projectId, q) }
  })

  /** Runs the rules over a window of production traffic (and asks the LLM when `llm` is true). */
  app.post('/api/v1/recommendations/generate', admin, async (request) => {
    const { llm, model, ...o } = GenerateBody.parse(request.body ?? {})
    const projectId = request.auth.projectId
    const rules = await generateRecommendations(deps.db, projectId, o)
    if (!llm) return { rules, llm: null }
    const advice = await service(() => llmRecommendations(deps.db, projectId, deps.provider, { ...o, model }))
    return { rules, llm: advice }
  })

  app.get('/api/v1/recommendations/:id', read, async (request) => {
    const { id } = IdParams.parse(request.params)
    const r = await getRecommendation(deps.db, request.auth.projectId, id)
    if (!r) throw notFound('recommendation', id)
    return r
  })

  /** Dismiss, reopen, or mark applied by hand. */
  app.patch('/api/v1/recommendations/:id', admin, async (request) => {
    const { id } = IdParams.parse(request.params)
    const body = StatusBody.parse(request.body)
    return service(() => setRecommendationStatus(deps.db, request.auth.projectId, id, body))
  })

  /** A new prompt version and an experiment against production (or "done", for manual ones); logged. */
  app.post('/api/v1/recommendations/:id/apply', admin, async (request, reply) => {
    const { id } = IdParams.parse(request.params)
    const body = ApplyBody.parse(request.body ?? {})
    const r = await service(() =>
      applyRecommendation(deps.db, request.auth.projectId, id, { ...body, by: request.auth.keyId }),
    )
    return reply.status(201).send(r)
  })
}
