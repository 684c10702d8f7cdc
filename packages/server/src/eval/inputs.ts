import { textOf } from '../llm/index.js'
import type { Span, Trace } from '../model/index.js'
import { type Db, getTrace, listSessionTraces, listTraceSpans } from '../store/index.js'
import type { ChatTurn, EvalInput } from './evaluator.js'

/** Messages of earlier turns given to evaluators that look at the conversation. */
export const HISTORY_MESSAGES = 10

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

/** The user's question in an input: the last user message of a chat, else the whole text. */
export function queryText(input: unknown): string {
  const messages = Array.isArray(input)
    ? input
    : isRecord(input) && Array.isArray(input.messages)
      ? input.messages
      : null
  const lastUser = messages?.filter((m) => isRecord(m) && m.role === 'user').at(-1)
  return textOf(lastUser ?? input).trim()
}

/** Passages the answer should rest on: retrieval spans' outputs, or metadata.context. */
function contextOf(trace: Trace, spans: Span[]): string[] {
  const fromSpans = spans
    .filter((s) => s.kind === 'retrieval' && s.output != null)
    .map((s) => textOf(s.output))
  const meta = trace.metadata.context
  const fromMeta = typeof meta === 'string' ? [meta] : Array.isArray(meta) ? meta.map((m) => textOf(m)) : []
  return [...fromSpans, ...fromMeta].map((c) => c.trim()).filter(Boolean)
}

async function historyOf(db: Db, trace: Trace): Promise<ChatTurn[]> {
  if (!trace.sessionId) return []
  const turns = (await listSessionTraces(db, trace.projectId, trace.sessionId)).filter(
    (t) => t.timestamp < trace.timestamp || (t.timestamp === trace.timestamp && t.id < trace.id),
  )
  const history: ChatTurn[] = []
  for (const t of turns) {
    history.push(
      { role: 'user', content: queryText(t.input) },
      { role: 'assistant', content: textOf(t.output).trim() },
    )
  }
  return history.slice(-HISTORY_MESSAGES)
}

export type Target = { input: EvalInput; trace: Trace; span: Span | null } | { skip: string }

/** What an evaluation of a trace (or one of its spans) looks at, or why there is nothing to evaluate. */
export async function loadTarget(
  db: Db,
  projectId: string,
  traceId: string,
  spanId: string | null,
): Promise<Target> {
  const trace = await getTrace(db, projectId, traceId)
  if (!trace) return { skip: `trace ${traceId} no longer exists` }
  const spans = await listTraceSpans(db, projectId, traceId)
  const span = spanId ? (spans.find((s) => s.id === spanId) ?? null) : null
  if (spanId && !span) return { skip: `span ${spanId} no longer exists` }
  const source = span ?? trace
  const query = queryText(source.input)
  const response = textOf(source.output).trim()
  if (!response) return { skip: 'nothing to evaluate: no output' }
  return {
    input: { query, response, context: contextOf(trace, spans), history: await historyOf(db, trace) },
    trace,
    span,
  }
}
