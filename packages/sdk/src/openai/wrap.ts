import type { SpanRecord } from '../records.js'
import type { Tracer } from '../tracer.js'
import type { Metadata, TraceOptions } from '../types.js'
import { completionFields, parametersOf } from './extract.js'
import { observeStream } from './stream.js'

export type WrapOpenAIOptions = {
  /** Name of the generation spans (default 'openai.chat.completions'). */
  name?: string
  metadata?: Metadata
  /** The registry prompt these calls render, to link generations to prompt versions. */
  promptName?: string
  promptVersion?: number
  /** Options of the trace started when a call runs outside any trace. */
  trace?: TraceOptions & { name?: string }
}

/** Marks a patched `completions` object and keeps its own create() for re-wrapping. */
const ORIGINAL = Symbol.for('chatlens.openai.create')

type Create = (this: unknown, ...args: unknown[]) => unknown
type Completions = { create?: Create; [ORIGINAL]?: Create }
type APIPromiseLike = {
  responsePromise?: Promise<unknown>
  _thenUnwrap: (transform: (data: unknown) => unknown) => unknown
}

export function wrapOpenAI<T extends object>(tracer: Tracer, client: T, options: WrapOpenAIOptions): T {
  const completions = (client as { chat?: { completions?: Completions } })?.chat?.completions
  if (!completions || typeof completions.create !== 'function') {
    tracer.complain('wrapOpenAI() needs an OpenAI client with chat.completions.create; returned it unwrapped')
    return client
  }
  const original = completions[ORIGINAL] ?? completions.create
  const o = typeof options === 'object' && options !== null ? options : {}
  Object.defineProperty(completions, ORIGINAL, { value: original, configurable: true })
  completions.create = function create(this: unknown, ...args: unknown[]) {
    return tracedCreate(tracer, original, this, args, o)
  }
  return client
}

function tracedCreate(
  tracer: Tracer,
  original: Create,
  thisArg: unknown,
  args: unknown[],
  o: WrapOpenAIOptions,
) {
  if (!tracer.enabled) return Reflect.apply(original, thisArg, args)
  let span: SpanRecord | undefined
  const body = (args[0] ?? {}) as Record<string, unknown>
  try {
    span = tracer.openSpan(o.name ?? 'openai.chat.completions', 'generation', {
      model: typeof body.model === 'string' ? body.model : undefined,
      parameters: parametersOf(body),
      // A copy: chatbots push the answer onto the same history array right after the call.
      input: Array.isArray(body.messages) ? body.messages.slice() : body.messages,
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
    return observe(span, result, body.stream === true)
  } catch {
    return result
  }
}

/**
 * Watches the call's outcome without changing what the caller gets. An openai APIPromise is
 * extended with its own `_thenUnwrap`, which keeps `.withResponse()` and `.asResponse()`, and
 * parses the body once; errors are seen on its response promise without parsing anything.
 */
function observe(span: SpanRecord, result: unknown, streaming: boolean): unknown {
  let headersAt: number | undefined
  const fail = (err: unknown) => span.end(undefined, err, true)
  const done = (data: unknown) => {
    try {
      if (streaming) observeStream(span, data)
      else {
        span.update({ ...completionFields(data as object), completionStartTime: headersAt ?? Date.now() })
        span.end(undefined, undefined, false)
      }
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
