import { amount, type Complain, count, errorText, errorType, id, record, tags, text } from './clean.js'
import { NAME_MAX_CHARS } from './constants.js'
import type { SpanRecord, TraceRecord } from './records.js'
import type { SpanOptions, SpanUpdate, TraceOptions, TraceUpdate } from './types.js'
import { eventJson, time } from './wire.js'

const round3 = (ms: number) => Math.round(ms * 1000) / 1000

function first<T>(patch: T | undefined, opt: T | undefined): T | undefined {
  return patch !== undefined ? patch : opt
}

function metadata(opt: unknown, patch: unknown, complain: Complain): object | undefined {
  const merged = opt && patch ? { ...(opt as object), ...(patch as object) } : (patch ?? opt)
  return record(merged, 'metadata', complain)
}

/** Token counts and cost as given, checked; a trace and a span report them alike. */
function usage(p: TraceUpdate | SpanUpdate, complain: Complain) {
  return {
    inputTokens: count(p.inputTokens, 'inputTokens', complain),
    outputTokens: count(p.outputTokens, 'outputTokens', complain),
    totalTokens: count(p.totalTokens, 'totalTokens', complain),
    cachedInputTokens: count(p.cachedInputTokens, 'cachedInputTokens', complain),
    reasoningTokens: count(p.reasoningTokens, 'reasoningTokens', complain),
    costUsd: amount(p.costUsd, 'costUsd', complain),
  }
}

/** status, error and errorType from a thrown error or one set with update({ error }). */
function outcome(rec: TraceRecord | SpanRecord, patchError: unknown) {
  const failed = rec.failed || patchError !== undefined
  const err = rec.failed ? rec.failure : patchError
  return failed
    ? { status: 'error', error: errorText(err), errorType: errorType(err) }
    : { status: 'ok', error: undefined, errorType: undefined }
}

/** One trace-create event holding everything known about the turn at its end. */
export function traceJson(rec: TraceRecord, o: TraceOptions, p: TraceUpdate, complain: Complain): string {
  const r = rec.recorder
  const endMs = rec.startMs + rec.durationMs
  const gen = rec.generation
  const firstToken = gen?.patch?.completionStartTime
  const ttft =
    p.timeToFirstTokenMs ??
    (firstToken === undefined ? undefined : round3(Math.max(0, +firstToken - rec.startMs)))
  const evaluate = first(p.evaluate, o.evaluate)
  const { status, error, errorType } = outcome(rec, p.error)
  return eventJson(
    'trace-create',
    endMs,
    {
      id: rec.id,
      name: text(p.name ?? rec.name, NAME_MAX_CHARS),
      timestamp: time(rec.startMs),
      endTime: time(endMs),
      bot: text(first(p.bot, o.bot) ?? r.bot),
      version: text(first(p.version, o.version) ?? r.version),
      variant: text(first(p.variant, o.variant)),
      environment: text(first(p.environment, o.environment) ?? r.environment),
      userId: id(first(p.userId, o.userId), 'userId', complain),
      sessionId: id(first(p.sessionId, o.sessionId), 'sessionId', complain),
      model: text(first(p.model, o.model) ?? gen?.patch?.model ?? gen?.opts?.model),
      parameters: record(
        first(p.parameters, o.parameters) ?? gen?.patch?.parameters ?? gen?.opts?.parameters,
        'parameters',
        complain,
      ),
      input: first(p.input, o.input),
      output: p.output !== undefined ? p.output : rec.result,
      ...usage(p, complain),
      latencyMs: round3(rec.durationMs),
      timeToFirstTokenMs: amount(ttft, 'timeToFirstTokenMs', complain),
      status,
      error,
      errorType,
      tags: tags(first(p.tags, o.tags), complain),
      metadata: metadata(o.metadata, p.metadata, complain),
      promptName: text(first(p.promptName, o.promptName)),
      promptVersion: count(first(p.promptVersion, o.promptVersion), 'promptVersion', complain, 1),
      experimentKey: text(first(p.experimentKey, o.experimentKey)),
      experimentVariant: text(first(p.experimentVariant, o.experimentVariant)),
      evaluate: evaluate === undefined ? undefined : evaluate === true,
    },
    complain,
  )
}

/** One span-create event per span, written at its end. */
export function spanJson(rec: SpanRecord, o: SpanOptions, p: SpanUpdate, complain: Complain): string {
  const endMs = rec.startMs + rec.durationMs
  const firstToken = p.completionStartTime
  const { status, error, errorType } = outcome(rec, p.error)
  return eventJson(
    'span-create',
    endMs,
    {
      id: rec.id,
      traceId: rec.traceId,
      parentId: rec.parentId,
      kind: rec.kind,
      name: text(p.name ?? rec.name, NAME_MAX_CHARS),
      startTime: time(rec.startMs),
      endTime: time(endMs),
      completionStartTime: time(firstToken === undefined ? undefined : +firstToken),
      model: text(first(p.model, o.model)),
      parameters: record(first(p.parameters, o.parameters), 'parameters', complain),
      input: first(p.input, o.input),
      output: p.output !== undefined ? p.output : rec.result,
      ...usage(p, complain),
      status,
      error,
      errorType,
      metadata: metadata(o.metadata, p.metadata, complain),
      promptName: text(first(p.promptName, o.promptName)),
      promptVersion: count(first(p.promptVersion, o.promptVersion), 'promptVersion', complain, 1),
    },
    complain,
  )
}
