import type { Assignment } from './assign.js'
import { BatchProcessor } from './batch-processor.js'
import { type ChatlensOptions, resolveConfig } from './config.js'
import { storage } from './context.js'
import { type AssignOptions, Experiments } from './experiments.js'
import { endConversationEvent, feedbackEvent, scoreEvent } from './explicit-events.js'
import { HttpExporter } from './http-exporter.js'
import { type WrapOpenAIOptions, wrapOpenAI } from './openai/wrap.js'
import { Prompts } from './prompts.js'
import type { Clock, Recorder } from './records.js'
import { Reporter } from './report.js'
import { ServerReader } from './server-reader.js'
import { Tracer } from './tracer.js'
import type {
  ChatlensStats,
  EndConversationInput,
  FeedbackInput,
  ScoreInput,
  SpanHandle,
  TraceHandle,
} from './types.js'
import type { Queued } from './wire.js'

const NO_STATS: ChatlensStats = Object.freeze({ queued: 0, sent: 0, dropped: 0, failed: 0, retried: 0 })

/**
 * The chatlens client: traces, spans, OpenAI wrapping, scores, feedback and conversations.
 * It never throws into your code, never keeps the process alive, and holds at most
 * `maxQueueSize` events in memory.
 *
 * @example
 * import { Chatlens } from '@chatlens/sdk'
 * const cl = new Chatlens({ apiKey: process.env.CHATLENS_API_KEY, bot: 'support' })
 * const answer = await cl.trace('turn', async (t) => reply(question), { input: question, sessionId })
 */
export class Chatlens extends Tracer implements Recorder {
  readonly bot: string | undefined
  readonly version: string | undefined
  readonly environment: string | undefined
  readonly clock: Clock | undefined
  private readonly reporter: Reporter
  private readonly processor: BatchProcessor | undefined
  /**
   * The prompt registry: `await cl.prompts.get(name, { label, version, fallback })`. Needs the
   * API key; keeps working from its cache (or the fallback) while the server is down.
   */
  readonly prompts: Prompts
  private readonly experiments: Experiments

  /**
   * @example
   * const cl = new Chatlens() // CHATLENS_API_KEY and CHATLENS_URL from the environment
   * const tests = new Chatlens({ exporter: new InMemoryExporter() })
   */
  constructor(options: ChatlensOptions = {}) {
    super()
    const o: ChatlensOptions = typeof options === 'object' && options !== null ? options : {}
    this.reporter = new Reporter(typeof o.onError === 'function' ? o.onError : undefined)
    this.bot = o.bot
    this.version = o.version
    this.environment = o.environment
    this.clock = o.clock && typeof o.clock.now === 'function' ? o.clock : undefined
    const reader = new ServerReader(this.reporter)
    this.prompts = new Prompts(reader, (m) => this.complain(m))
    this.experiments = new Experiments(reader, (m) => this.complain(m))
    try {
      const config = resolveConfig(o, process.env, (m) => this.complain(m))
      if (!config.enabled) return
      if (config.apiKey) reader.configure(config.baseUrl, config.apiKey)
      const exporter =
        o.exporter ??
        new HttpExporter({
          baseUrl: config.baseUrl,
          apiKey: config.apiKey!,
          requestTimeoutMs: config.requestTimeoutMs,
        })
      this.processor = new BatchProcessor({ ...config, exporter, reporter: this.reporter })
      this.enabled = true
    } catch (err) {
      this.reporter.report('internal_error', `chatlens is disabled: ${String(err)}`)
    }
  }

  private now(): number {
    return this.clock ? this.clock.now() : Date.now()
  }

  /** @internal Recorder: records call this when they end. */
  enqueue(item: Queued): void {
    this.processor?.enqueue(item)
  }

  /** @internal Recorder: a bad argument, reported and never thrown. */
  complain(message: string): void {
    this.reporter.report('invalid_argument', message)
  }

  /** @internal */
  protected internalError(err: unknown): void {
    this.reporter.report('internal_error', `chatlens skipped recording: ${String(err)}`)
  }

  /**
   * The running trace, or undefined outside any trace.
   *
   * @example
   * const traceId = cl.currentTrace()?.id // e.g. to attach feedback from the browser later
   */
  currentTrace(): TraceHandle | undefined {
    return storage.getStore()?.root
  }

  /**
   * The innermost running span, or undefined when none runs.
   *
   * @example
   * cl.currentSpan()?.update({ metadata: { cacheHit: true } })
   */
  currentSpan(): SpanHandle | undefined {
    const current = storage.getStore()
    return current === undefined || current.root === current ? undefined : (current as SpanHandle)
  }

  /**
   * Traces every `client.chat.completions.create` and `client.responses.create` call (plain and
   * streaming) as a generation span. Patches the client in place and returns it.
   *
   * @example
   * const openai = cl.wrapOpenAI(new OpenAI())
   * const res = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages })
   */
  wrapOpenAI<T extends object>(client: T, options: WrapOpenAIOptions = {}): T {
    try {
      return wrapOpenAI(this, client, options)
    } catch (err) {
      this.internalError(err)
      return client
    }
  }

  /**
   * Records a score on a trace, a span or a conversation; returns the score's id.
   *
   * @example
   * cl.score({ traceId, name: 'helpfulness', value: 0.9, comment: 'solved it' })
   */
  score(input: ScoreInput): string | undefined {
    if (!this.enabled) return undefined
    try {
      const made = scoreEvent(
        input ?? ({} as ScoreInput),
        storage.getStore()?.traceId,
        (m) => this.complain(m),
        this.now(),
      )
      if (made) this.enqueue(made.event)
      return made?.id
    } catch (err) {
      this.internalError(err)
      return undefined
    }
  }

  /**
   * Records what an end user said about a turn or a conversation; returns the feedback's id.
   *
   * @example
   * cl.feedback({ traceId, thumbs: 'down', comment: 'wrong order number' })
   * cl.feedback({ sessionId, rating: 5 })
   */
  feedback(input: FeedbackInput): string | undefined {
    if (!this.enabled) return undefined
    try {
      const made = feedbackEvent(
        input ?? {},
        storage.getStore()?.traceId,
        (m) => this.complain(m),
        this.now(),
      )
      if (made) this.enqueue(made.event)
      return made?.id
    } catch (err) {
      this.internalError(err)
      return undefined
    }
  }

  /**
   * Marks a conversation ended, with how it went.
   *
   * @example
   * cl.endConversation(sessionId, { resolved: true, satisfaction: 0.8, stage: 'farewell' })
   */
  endConversation(sessionId: string, input: EndConversationInput = {}): void {
    if (!this.enabled) return
    try {
      const event = endConversationEvent(sessionId, input ?? {}, this, (m) => this.complain(m), this.now())
      if (event) this.enqueue(event)
    } catch (err) {
      this.internalError(err)
    }
  }

  /**
   * Resolves when every event recorded so far was sent or given up (or after `flushTimeoutMs`).
   * Never rejects. Call it at the end of a serverless handler.
   *
   * @example
   * await cl.flush()
   */
  flush(): Promise<void> {
    try {
      return this.processor?.flush() ?? Promise.resolve()
    } catch {
      return Promise.resolve()
    }
  }

  /**
   * The variant of a unit (a user or session id) in an experiment, computed locally from the
   * experiment's definition (fetched once, cached, refreshed in the background), so it is fast
   * and keeps working offline after the first fetch. Called inside a trace, it records the
   * exposure on that trace; otherwise spread `traceFields` into the trace's options. A unit is in
   * no variant (variant null) when the experiment is not running or was never reachable.
   *
   * @example
   * const a = await cl.assign('empathetic-tone', sessionId)
   * const prompt = await cl.prompts.get('support-system', { version: a.config?.prompt?.version, fallback })
   */
  async assign(experimentKey: string, unitId: string, options?: AssignOptions): Promise<Assignment> {
    const trace = storage.getStore()?.root
    const a = await this.experiments.assign(experimentKey, unitId, options)
    if (a.inExperiment && trace) trace.update(a.traceFields)
    return a
  }

  /**
   * Flushes, then stops: later events are dropped. Call it before a script or server exits.
   *
   * @example
   * process.on('SIGTERM', () => cl.shutdown().then(() => process.exit(0)))
   */
  shutdown(): Promise<void> {
    try {
      return this.processor?.shutdown() ?? Promise.resolve()
    } catch {
      return Promise.resolve()
    }
  }

  /**
   * Event counts since the client was created.
   *
   * @example
   * const { queued, sent, dropped, failed, retried } = cl.stats()
   */
  stats(): ChatlensStats {
    return this.processor?.stats() ?? { ...NO_STATS }
  }
}
