import { epochMs, monotonic } from './clock.js'
import { ID_MAX_CHARS } from './constants.js'
import { spanJson, traceJson } from './record-json.js'
import type {
  SpanHandle,
  SpanKind,
  SpanOptions,
  SpanUpdate,
  TraceHandle,
  TraceOptions,
  TraceUpdate,
} from './types.js'
import { uuidv7 } from './uuid.js'
import type { Queued } from './wire.js'

/** What a record needs from the client that made it. */
export interface Recorder {
  enqueue(item: Queued): void
  complain(message: string): void
  readonly bot: string | undefined
  readonly version: string | undefined
  readonly environment: string | undefined
  /** Epoch ms for every timestamp and duration instead of the system clock (simulations). */
  readonly clock: Clock | undefined
}

/** A source of epoch milliseconds. */
export type Clock = { now(): number }

const EMPTY = {}

function ownId(recorder: Recorder, given: unknown, ms: number): string {
  if (typeof given === 'string' && given.length > 0 && given.length <= ID_MAX_CHARS) return given
  recorder.complain(`id must be a string of 1..${ID_MAX_CHARS} characters; a generated id is used`)
  return uuidv7(ms)
}

function merge<T extends { metadata?: Record<string, unknown> }>(prev: T | undefined, fields: T): T {
  if (prev === undefined) return { ...fields }
  const metadata = prev.metadata && fields.metadata ? { ...prev.metadata, ...fields.metadata } : undefined
  Object.assign(prev, fields)
  if (metadata) prev.metadata = metadata
  return prev
}

/**
 * What traces and spans share while they run: their id and start, the fields set with update(),
 * and the outcome, recorded once. Everything is kept as given and serialised when its batch is
 * sent, so the traced call pays for a few field writes only.
 */
abstract class RunningRecord<U extends TraceUpdate | SpanUpdate> implements Queued {
  readonly id: string
  private readonly t0: number
  readonly startMs: number
  durationMs = -1
  patch: U | undefined = undefined
  result: unknown = undefined
  failure: unknown = undefined
  failed = false
  json: string | undefined = undefined

  constructor(
    readonly recorder: Recorder,
    givenId: unknown,
  ) {
    this.t0 = recorder.clock ? recorder.clock.now() : monotonic()
    this.startMs = recorder.clock ? this.t0 : epochMs(this.t0)
    this.id = givenId === undefined ? uuidv7(this.startMs) : ownId(recorder, givenId, this.startMs)
  }

  update(fields: U): void {
    if (fields === null || typeof fields !== 'object') this.recorder.complain('update() takes an object')
    else this.patch = merge<U>(this.patch, fields)
  }

  /** Records the outcome and queues the record; false when it had ended already. */
  protected finish(result: unknown, failure: unknown, failed: boolean): boolean {
    if (this.durationMs >= 0) return false
    this.durationMs = (this.recorder.clock ? this.recorder.clock.now() : monotonic()) - this.t0
    this.result = result
    this.failure = failure
    this.failed = failed
    return true
  }

  abstract toJson(complain: (message: string) => void): string
}

/** A trace while it runs, and the handle its function receives. */
export class TraceRecord extends RunningRecord<TraceUpdate> implements TraceHandle {
  /** The first generation span, whose model, parameters and first token the trace reports too. */
  generation: SpanRecord | undefined = undefined

  constructor(
    recorder: Recorder,
    readonly name: string,
    readonly opts: TraceOptions | undefined,
  ) {
    super(recorder, opts?.id)
  }

  get traceId(): string {
    return this.id
  }
  get root(): TraceRecord {
    return this
  }
  get sessionId(): string | undefined {
    return this.patch?.sessionId ?? this.opts?.sessionId
  }

  end(result: unknown, failure: unknown, failed: boolean): void {
    if (this.finish(result, failure, failed)) this.recorder.enqueue(this)
  }

  toJson(complain: (message: string) => void): string {
    return traceJson(this, this.opts ?? EMPTY, this.patch ?? EMPTY, complain)
  }
}

/** A span while it runs, and the handle its function receives. */
export class SpanRecord extends RunningRecord<SpanUpdate> implements SpanHandle {
  readonly traceId: string
  readonly parentId: string | undefined
  /** Set when this span started its own trace, which then ends with it. */
  ownsRoot = false

  constructor(
    recorder: Recorder,
    readonly root: TraceRecord,
    parent: TraceRecord | SpanRecord,
    readonly name: string,
    readonly kind: SpanKind,
    readonly opts: SpanOptions | undefined,
  ) {
    super(recorder, opts?.id)
    this.traceId = root.id
    this.parentId = parent === root ? undefined : parent.id
  }

  end(result: unknown, failure: unknown, failed: boolean): void {
    if (!this.finish(result, failure, failed)) return
    if (this.kind === 'generation' && this.root.generation === undefined) this.root.generation = this
    this.recorder.enqueue(this)
    if (this.ownsRoot) this.root.end(this.patch?.output ?? result, failure, failed)
  }

  toJson(complain: (message: string) => void): string {
    return spanJson(this, this.opts ?? EMPTY, this.patch ?? EMPTY, complain)
  }
}

/** Handles given when the SDK is disabled: every method is a no-op. */
export const NOOP_TRACE: TraceHandle = Object.freeze({
  id: '',
  traceId: '',
  sessionId: undefined,
  update() {},
})
export const NOOP_SPAN: SpanHandle = Object.freeze({ id: '', traceId: '', parentId: undefined, update() {} })
