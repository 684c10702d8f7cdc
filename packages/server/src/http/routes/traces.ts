import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { textOf } from '../../llm/index.js'
import { ShortText, Status, type Trace } from '../../model/index.js'
import { getTrace, listFeedbackFor, listScoresFor, listTraceSpans, listTraces } from '../../store/index.js'
import type { AppDeps } from '../app.js'
import { notFound } from '../errors.js'
import { PageQuery, QueryTime } from '../query.js'
import { buildSpanTree } from './span-tree.js'

export const TraceListQuery = z.object({
  from: QueryTime.optional(),
  to: QueryTime.optional(),
  bot: ShortText.optional(),
  version: ShortText.optional(),
  variant: ShortText.optional(),
  model: ShortText.optional(),
  environment: ShortText.optional(),
  userId: ShortText.optional(),
  sessionId: ShortText.optional(),
  tag: ShortText.optional(),
  status: Status.optional(),
  minLatencyMs: z.coerce.number().min(0).optional(),
  maxLatencyMs: z.coerce.number().min(0).optional(),
  promptName: ShortText.optional(),
  experimentKey: ShortText.optional(),
  q: z.string().max(200).optional(),
  /** summary: input and output replaced by short text previews, for tables. */
  view: z.enum(['full', 'summary']).default('full'),
  ...PageQuery,
})

const PREVIEW_CHARS = 240

/** A trace for a table row: text previews instead of the full input, output and parameters. */
function summarize({ input, output, parameters, ...rest }: Trace) {
  const preview = (v: unknown) =>
    v == null ? null : textOf(v).replace(/\s+/g, ' ').trim().slice(0, PREVIEW_CHARS)
  return { ...rest, inputPreview: preview(input), outputPreview: preview(output) }
}

const IdParams = z.object({ id: z.string().min(1).max(200) })

export async function traceRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/api/v1/traces', { config: { scope: 'read' } }, async (request) => {
    const { limit, cursor, view, ...filter } = TraceListQuery.parse(request.query)
    const page = await listTraces(deps.db, request.auth.projectId, filter, { limit, cursor })
    return view === 'summary' ? { ...page, data: page.data.map(summarize) } : page
  })

  app.get('/api/v1/traces/:id', { config: { scope: 'read' } }, async (request) => {
    const { id } = IdParams.parse(request.params)
    const projectId = request.auth.projectId
    const trace = await getTrace(deps.db, projectId, id)
    if (!trace) throw notFound('trace', id)
    const [spans, scores, feedback] = await Promise.all([
      listTraceSpans(deps.db, projectId, id),
      listScoresFor(deps.db, projectId, { traceId: id }),
      listFeedbackFor(deps.db, projectId, { traceId: id }),
    ])
    return { trace, spans, spanTree: buildSpanTree(spans), scores, feedback }
  })
}
