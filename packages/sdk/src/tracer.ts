import { runIn, storage } from './context.js'
import { NOOP_SPAN, NOOP_TRACE, type Recorder, SpanRecord, TraceRecord } from './records.js'
import type { SpanHandle, SpanKind, SpanOptions, TraceHandle, TraceOptions } from './types.js'

const KINDS = new Set<string>(['generation', 'retrieval', 'tool', 'chain', 'event', 'span'])

/** Options of `traceable()`: a trace when called outside any trace, a span inside one. */
export type TraceableOptions = Omit<TraceOptions, 'id'> & {
  /** Defaults to the function's name. */
  name?: string
  /** Kind of the span made when called inside a trace (default 'chain'). */
  kind?: SpanKind
  /** What to record as input; by default the only argument, or the array of arguments. */
  inputFrom?: (...args: never[]) => unknown
}

// biome-ignore lint/suspicious/noExplicitAny: traceable() accepts any function
type AnyFunction = (...args: any[]) => any

/** trace(), span() and traceable(): the hot path. See client.ts for the rest of the client. */
export abstract class Tracer {
  /** False when the SDK was disabled (no apiKey, enabled:false, CHATLENS_ENABLED=false). */
  enabled = false
  abstract complain(message: string): void
  protected abstract internalError(err: unknown): void

  /**
   * Runs `fn` as one chatbot turn and returns what it returns (a promise for async functions).
   * Records start, end, latency, input (`options.input`), output (`t.update({ output })`, else
   * the return value) and, when `fn` throws, status 'error' with the error's type; the error is
   * rethrown unchanged. Spans started inside nest under it.
   *
   * @example
   * const answer = await cl.trace('support-turn', async (t) => {
   *   const text = await bot.reply(question)
   *   t.update({ output: text, metadata: { intent: 'billing' } })
   *   return text
   * }, { input: question, userId, sessionId })
   */
  trace<R>(name: string, fn: (trace: TraceHandle) => R, options?: TraceOptions): R {
    if (typeof fn !== 'function') return this.notAFunction('trace') as R
    if (!this.enabled) return fn(NOOP_TRACE)
    let record: TraceRecord
    try {
      record = new TraceRecord(
        this as unknown as Recorder,
        typeof name === 'string' ? name : String(name),
        options,
      )
    } catch (err) {
      this.internalError(err)
      return fn(NOOP_TRACE)
    }
    return runIn(record, fn)
  }

  /**
   * Runs `fn` as a step of the current trace or span (retrieval, tool call, generation…).
   * Outside any trace it starts one, named after the span, holding this span.
   *
   * @example
   * const docs = await cl.span('search-kb', async (s) => kb.search(question), {
   *   kind: 'retrieval',
   *   input: question,
   * })
   */
  span<R>(name: string, fn: (span: SpanHandle) => R, options?: SpanOptions): R {
    if (typeof fn !== 'function') return this.notAFunction('span') as R
    if (!this.enabled) return fn(NOOP_SPAN)
    let record: SpanRecord
    try {
      record = this.openSpan(typeof name === 'string' ? name : String(name), options?.kind ?? 'span', options)
    } catch (err) {
      this.internalError(err)
      return fn(NOOP_SPAN)
    }
    return runIn(record, fn)
  }

  /**
   * Wraps a function so each call is traced: its arguments become the input and its return
   * value the output. Called outside a trace it records a trace; inside one, a span.
   *
   * @example
   * const answer = cl.traceable(async (question: string) => bot.reply(question), { name: 'answer' })
   * await answer('Where is my order?')
   */
  traceable<F extends AnyFunction>(fn: F, options: TraceableOptions = {}): F {
    if (typeof fn !== 'function') {
      this.notAFunction('traceable')
      return fn
    }
    const o = typeof options === 'object' && options !== null ? options : {}
    const name = o.name ?? (fn.name || 'traceable')
    let kind: SpanKind = o.kind ?? 'chain'
    if (!KINDS.has(kind)) {
      this.complain(`unknown span kind "${String(kind)}"; using 'chain'`)
      kind = 'chain'
    }
    const self = this
    const traced = function traced(this: unknown, ...args: unknown[]) {
      return self.callTraced(fn, name, kind, o, this, args)
    }
    Object.defineProperty(traced, 'name', { value: fn.name })
    return traced as unknown as F
  }

  /** @internal A span under the current trace/span, or with its own trace when there is none. */
  openSpan(name: string, kind: SpanKind, options: SpanOptions | undefined): SpanRecord {
    const recorder = this as unknown as Recorder
    if (!KINDS.has(kind)) {
      this.complain(`unknown span kind "${String(kind)}"; using 'span'`)
      kind = 'span'
    }
    const parent = storage.getStore()
    if (parent !== undefined) return new SpanRecord(recorder, parent.root, parent, name, kind, options)
    const t = options?.trace
    const input = t?.input ?? options?.input
    const root = new TraceRecord(recorder, t?.name ?? name, input === undefined ? t : { ...t, input })
    const span = new SpanRecord(recorder, root, root, name, kind, options)
    span.ownsRoot = true
    return span
  }

  private callTraced(
    fn: AnyFunction,
    name: string,
    kind: SpanKind,
    o: TraceableOptions,
    thisArg: unknown,
    args: unknown[],
  ) {
    if (!this.enabled) return Reflect.apply(fn, thisArg, args)
    let record: TraceRecord | SpanRecord
    try {
      const input = o.inputFrom
        ? Reflect.apply(o.inputFrom, undefined, args)
        : args.length === 1
          ? args[0]
          : args
      const parent = storage.getStore()
      const recorder = this as unknown as Recorder
      record =
        parent === undefined
          ? new TraceRecord(recorder, name, o)
          : new SpanRecord(recorder, parent.root, parent, name, kind, o)
      if (o.input === undefined) record.patch = { input }
    } catch (err) {
      this.internalError(err)
      return Reflect.apply(fn, thisArg, args)
    }
    return runIn(record, fn, thisArg, args)
  }

  private notAFunction(method: string): undefined {
    this.complain(`${method}() needs a function to run; nothing was run`)
    return undefined
  }
}
