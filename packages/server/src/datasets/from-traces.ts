import { loadTarget } from '../eval/inputs.js'
import { type Db, listFeedbackFor, listTraces } from '../store/index.js'
import type { FromTracesBody, ItemBody } from './schemas.js'

export type FromTracesResult = { items: ItemBody[]; skipped: { traceId: string; reason: string }[] }

async function traceIdsFor(db: Db, projectId: string, body: FromTracesBody): Promise<string[]> {
  if (body.traceIds) return body.traceIds.slice(0, body.limit)
  const page = await listTraces(db, projectId, body.filter ?? {}, { limit: body.limit })
  return page.data.map((t) => t.id)
}

async function correctionOf(db: Db, projectId: string, traceId: string): Promise<string | undefined> {
  const feedback = await listFeedbackFor(db, projectId, { traceId })
  return feedback.filter((f) => f.correction).at(-1)?.correction ?? undefined
}

/**
 * Items from recorded traffic: each trace's query (with the conversation before it), its
 * response as the expected output (or the user's correction from feedback, when asked and
 * given), and the context it was answered from (retrieval spans, metadata.context). The item's
 * id is the trace id, so taking the same trace twice replaces the item instead of adding it.
 */
export async function itemsFromTraces(
  db: Db,
  projectId: string,
  body: FromTracesBody,
): Promise<FromTracesResult> {
  const items: ItemBody[] = []
  const skipped: FromTracesResult['skipped'] = []
  for (const traceId of await traceIdsFor(db, projectId, body)) {
    const target = await loadTarget(db, projectId, traceId, null)
    if ('skip' in target) {
      skipped.push({ traceId, reason: target.skip })
      continue
    }
    const { input, trace } = target
    if (!input.query) {
      skipped.push({ traceId, reason: 'the trace has no user query' })
      continue
    }
    const correction = body.expected === 'correction' ? await correctionOf(db, projectId, traceId) : undefined
    const history = (input.history ?? []).map((t) => ({ role: t.role, content: t.content }))
    items.push({
      id: trace.id,
      input: history.length ? { query: input.query, history } : input.query,
      ...(body.expected !== 'none' && { expected: correction ?? input.response }),
      ...(input.context?.length && { context: input.context }),
      metadata: {
        sourceTraceId: trace.id,
        response: input.response,
        ...(correction !== undefined && { correction }),
        ...(trace.bot && { bot: trace.bot }),
        ...(trace.model && { model: trace.model }),
        ...(trace.promptName && { promptName: trace.promptName, promptVersion: trace.promptVersion }),
        environment: trace.environment,
        timestamp: new Date(trace.timestamp).toISOString(),
      },
    })
  }
  return { items, skipped }
}
