import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { ingestBatch } from '../../ingest/index.js'
import { hasScope } from '../../model/index.js'
import {
  createPromptVersion,
  diffVersions,
  InvokeBody,
  invokePrompt,
  LabelName,
  listVersions,
  movePromptLabel,
  PromptCreateBody,
  PromptName,
  PromptVersionBody,
  RenderBody,
  renderPrompt,
  requirePrompt,
  resolvePromptVersion,
  ServiceError,
  VersionNumber,
  VersionSelector,
} from '../../prompts/index.js'
import { deletePromptLabel, listPrompts } from '../../store/index.js'
import type { AppDeps } from '../app.js'
import { AppError } from '../errors.js'

const STATUS = { invalid: 400, not_found: 404, conflict: 409, unavailable: 502 } as const

/** Runs a registry or experiment service call, turning its refusals into API errors. */
export async function service<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    if (err instanceof ServiceError) throw new AppError(STATUS[err.kind], err.code, err.message, err.details)
    throw err
  }
}

/**
 * Routes a chatbot's SDK calls (fetch a prompt, an experiment's definition, an assignment) take:
 * its key usually has the ingest scope only, so they accept ingest or read. They are marked
 * public to skip the single-scope check and authenticate here instead.
 */
export const readOrIngest = { config: { public: true } }
export async function authenticateReadOrIngest(deps: AppDeps, request: FastifyRequest) {
  request.auth = await deps.auth.authenticate(request.headers.authorization)
  if (!hasScope(request.auth.scopes, 'read') && !hasScope(request.auth.scopes, 'ingest'))
    throw new AppError(403, 'insufficient_scope', 'this API key lacks the "read" or "ingest" scope', {
      required: 'read or ingest',
      granted: request.auth.scopes,
    })
}

const NameParams = z.object({ name: PromptName })
const VersionParams = z.object({ name: PromptName, version: VersionNumber })
const LabelParams = z.object({ name: PromptName, label: LabelName })
const VersionsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: VersionNumber.optional(),
})
/** A version number or a label. */
const Ref = z.union([z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(1)), LabelName])
const DiffQuery = z.object({ from: Ref.optional(), to: Ref.optional() })
const toSelector = (ref: number | string) => (typeof ref === 'number' ? { version: ref } : { label: ref })

/** The prompt registry: versions, labels, diff, render and invoke. See docs/prompts.md. */
export async function promptRoutes(app: FastifyInstance, deps: AppDeps) {
  const read = { config: { scope: 'read' as const } }
  const admin = { config: { scope: 'admin' as const } }
  const by = (request: FastifyRequest) => request.auth.keyId

  app.get('/api/v1/prompts', read, async (request) => ({
    data: await listPrompts(deps.db, request.auth.projectId),
  }))

  app.post('/api/v1/prompts', admin, async (request, reply) => {
    const { name, ...body } = PromptCreateBody.parse(request.body)
    const r = await service(() =>
      createPromptVersion(deps.db, request.auth.projectId, name, body, by(request)),
    )
    return reply.status(r.created ? 201 : 200).send({ ...r.version, created: r.created })
  })

  app.get('/api/v1/prompts/:name', readOrIngest, async (request) => {
    await authenticateReadOrIngest(deps, request)
    const { name } = NameParams.parse(request.params)
    const selector = VersionSelector.parse(request.query)
    return service(() => resolvePromptVersion(deps.db, request.auth.projectId, name, selector))
  })

  app.get('/api/v1/prompts/:name/versions', read, async (request) => {
    const { name } = NameParams.parse(request.params)
    const page = VersionsQuery.parse(request.query)
    return service(async () => {
      const prompt = await requirePrompt(deps.db, request.auth.projectId, name)
      return { prompt, data: await listVersions(deps.db, request.auth.projectId, name, page) }
    })
  })

  app.post('/api/v1/prompts/:name/versions', admin, async (request, reply) => {
    const { name } = NameParams.parse(request.params)
    const body = PromptVersionBody.parse(request.body)
    const r = await service(() =>
      createPromptVersion(deps.db, request.auth.projectId, name, body, by(request)),
    )
    return reply.status(r.created ? 201 : 200).send({ ...r.version, created: r.created })
  })

  app.get('/api/v1/prompts/:name/versions/:version', read, async (request) => {
    const { name, version } = VersionParams.parse(request.params)
    return service(() => resolvePromptVersion(deps.db, request.auth.projectId, name, { version }))
  })

  /** Changes between two versions (numbers or labels); by default the newest against the one before. */
  app.get('/api/v1/prompts/:name/diff', read, async (request) => {
    const { name } = NameParams.parse(request.params)
    const q = DiffQuery.parse(request.query)
    return service(async () => {
      const projectId = request.auth.projectId
      const to = await resolvePromptVersion(deps.db, projectId, name, toSelector(q.to ?? 'latest'))
      const from = await resolvePromptVersion(
        deps.db,
        projectId,
        name,
        toSelector(q.from ?? Math.max(1, to.version - 1)),
      )
      return diffVersions(from, to)
    })
  })

  app.put('/api/v1/prompts/:name/labels/:label', admin, async (request) => {
    const { name, label } = LabelParams.parse(request.params)
    const { version } = z.object({ version: VersionNumber }).parse(request.body)
    return service(() =>
      movePromptLabel(deps.db, request.auth.projectId, { name, label, version, by: by(request) }),
    )
  })

  app.delete('/api/v1/prompts/:name/labels/:label', admin, async (request, reply) => {
    const { name, label } = LabelParams.parse(request.params)
    if (!(await deletePromptLabel(deps.db, request.auth.projectId, name, label)))
      throw new AppError(
        404,
        'not_found',
        `prompt ${JSON.stringify(name)} has no label ${JSON.stringify(label)}`,
      )
    return reply.status(204).send()
  })

  /** Fills the variables; a variable without a value is a 400 naming it. */
  app.post('/api/v1/prompts/:name/render', read, async (request) => {
    const { name } = NameParams.parse(request.params)
    const { variables, ...selector } = RenderBody.parse(request.body ?? {})
    return service(() => renderPrompt(deps.db, request.auth.projectId, name, selector, variables))
  })

  /** Renders, calls the server's model and traces the call with the prompt's name and version. */
  app.post('/api/v1/prompts/:name/invoke', admin, async (request) => {
    const { name } = NameParams.parse(request.params)
    const body = InvokeBody.parse(request.body ?? {})
    const projectId = request.auth.projectId
    const pricer = await deps.pricers.get(projectId)
    const ingest = (events: unknown[]) =>
      ingestBatch(deps.db, { projectId, pricer, hooks: deps.hooks }, events)
    return service(() =>
      invokePrompt({ db: deps.db, provider: deps.provider, ingest }, projectId, name, body),
    )
  })
}
