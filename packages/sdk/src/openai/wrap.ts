import type { SpanRecord } from '../records.js'
import type { Tracer } from '../tracer.js'
import type { Metadata, TraceOptions } from '../types.js'
import { CHAT_COMPLETIONS, type Endpoint, RESPONSES } from './endpoints.js'
import { settle } from './settle.js'
import { observeStream } from './stream.js'

export type WrapOpenAIOptions = {
  /** Name of the chat completions generation spans (default 'openai.chat.completions'). */
  name?: string
  /** Name of the Responses API generation spans (default 'openai.responses'). */
  responsesName?: string
  metadata?: Metadata
  /** The registry prompt these calls render, to link generations to prompt versions. */
  promptName?: string
  promptVersion?: number
  /** Options of the trace started when a call runs outside any trace. */
  trace?: TraceOptions & { name?: string }
}

/** Marks a patched resource (`completions`, `responses`) and keeps its own create() for re-wrapping. */
const ORIGINAL = Symbol.for('chatlens.openai.create')

type Create = (this: unknown, ...args: unknown[]) => unknown
type Resource = { create?: Create; [ORIGINAL]?: Create }
type OpenAILike = { chat?: { completions?: Resource }; responses?: Resource }
type APIPromiseLike = {
  responsePromise?: Promise<unknown>
  _thenUnwrap: (transform: (data: unknown) => unknown) => unknown
}

/**
 * Patches `client.chat.completions.create` and `client.responses.create` (when the client has
 * it) in place so each call records a generation span; returns the client.
 */
export function wrapOpenAI<T extends object>(tracer: Tracer, client: T, options: WrapOpenAIOptions): T {
  const o = typeof options === 'object' && options !== null ? options : {}
  const c = client as OpenAILike
  const chat = patch(tracer, c?.chat?.completions, CHAT_COMPLETIONS, o.name, o)
  const responses = patch(tracer, c?.responses, RESPONSES, o.responsesName, o)
  if (!chat && !responses) {
    tracer.complain('wrapOpenAI() needs an OpenAI client with chat.completions.create; returned it unwrapped')
  }
  return client
}

/** Replaces `resource.create` with a traced one; false when there is no create() to trace. */
function patch(
  tracer: Tracer,
  resource: Resource | undefined,
  endpoint: Endpoint,
  name: string | undefined,
  o: WrapOpenAIOptions,
): boolean {
  if (!resource || typeof resource.create !== 'function') return false
  const original = resource[ORIGINAL] ?? resource.create
  const spanName = name ?? endpoint.spanName
  Object.defineProperty(resource, ORIGINAL, { value: original, configurable: true })
  resource.create = function create(this: unknown, ...args: unknown[]) {
    return tracedCreate(tracer, endpoint, spanName, original, this, args, o)
  }
  return true
}

function tracedCreate(
  tracer: Tracer,
  endpoint: Endpoint,
  spanName: string,
  original: Create,
  thisArg: unknown,
  args: unknown[],
  o: WrapOpenAIOptions,
) {
  if (!tracer.enabled) return Reflect.apply(original, thisArg, args)
  let span: SpanRecord | undefined
  const body = (args[0] ?? {}) as Record<string, unknown>
  try {
    span = tracer.openSpan(spanName, 'generation', {
      model: typeof body.model === 'string' ? body.model : undefined,
      ...endpoint.request(body),
      metadata: o.metadata,
      promptName: o.promptName,
      promptVersion: o.promptVersion,
      trace: o.trace,
    })
  } catch {
    span = undefined
  }
  let result: unknown
  try {
    result = Reflect.apply(original, thisArg, args)
  } catch (err) {
    span?.end(undefined, err, true)
    throw err
  }
  if (span === undefined) return result
  try {
    return observe(span, endpoint, result, body.stream === true)
  } catch {
    return result
  }
}

/**
 * Watches the call's outcome without changing what the caller gets. An openai APIPromise is
 * extended with its own `_thenUnwrap`, which keeps `.withResponse()` and `.asResponse()`, and
 * parses the body once; errors are seen on its response promise without parsing anything.
 */
function observe(span: SpanRecord, endpoint: Endpoint, result: unknown, streaming: boolean): unknown {
  let headersAt: number | undefined
  const fail = (err: unknown) => span.end(undefined, err, true)
  const done = (data: unknown) => {
    try {
      if (streaming) observeStream(span, data, endpoint.accumulator)
      else settle(span, { ...endpoint.result(data), completionStartTime: headersAt ?? Date.now() })
    } catch {}
    return data
  }
  const api = result as APIPromiseLike
  if (typeof api?._thenUnwrap === 'function' && typeof api.responsePromise?.then === 'function') {
    api.responsePromise.then(() => {
      headersAt = Date.now()
    }, fail)
    return api._thenUnwrap(done)
  }
  if (typeof (result as PromiseLike<unknown>)?.then === 'function') {
    return (result as PromiseLike<unknown>).then(done, (err) => {
      fail(err)
      throw err
    })
  }
  return done(result)
}
