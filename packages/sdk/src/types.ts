/** Public types of the SDK. Field names follow the chatlens ingestion API. */

export type SpanKind = 'generation' | 'retrieval' | 'tool' | 'chain' | 'event' | 'span'
export type ConversationStage =
  | 'greeting'
  | 'information_gathering'
  | 'problem_solving'
  | 'clarification'
  | 'resolution'
  | 'farewell'
export type Metadata = Record<string, unknown>

/** Token counts; every field optional. */
export type Usage = {
  inputTokens?: number
  outputTokens?: number
  totalTokens?: number
  cachedInputTokens?: number
  reasoningTokens?: number
}

/** Options of `trace()`: one chatbot turn. */
export type TraceOptions = {
  /** Your own id for the trace (≤ 200 chars); a UUIDv7 otherwise. */
  id?: string
  input?: unknown
  userId?: string
  /** The conversation this turn belongs to. */
  sessionId?: string
  bot?: string
  version?: string
  variant?: string
  environment?: string
  tags?: string[]
  metadata?: Metadata
  model?: string
  parameters?: Record<string, unknown>
  promptName?: string
  promptVersion?: number
  experimentKey?: string
  experimentVariant?: string
  /** Force evaluation of this trace on (true) or off (false), overriding sampling. */
  evaluate?: boolean
}

/** What `handle.update()` may change on a running trace. */
export type TraceUpdate = Omit<TraceOptions, 'id'> &
  Usage & {
    name?: string
    output?: unknown
    costUsd?: number
    timeToFirstTokenMs?: number
    /** Mark the turn failed without throwing (e.g. a fallback answer was given). */
    error?: unknown
  }

/** Options of `span()`: one step inside a trace. */
export type SpanOptions = {
  id?: string
  kind?: SpanKind
  input?: unknown
  metadata?: Metadata
  model?: string
  parameters?: Record<string, unknown>
  promptName?: string
  promptVersion?: number
  /** Options for the trace started when no trace is current. */
  trace?: TraceOptions & { name?: string }
}

/** What `handle.update()` may change on a running span. */
export type SpanUpdate = Omit<SpanOptions, 'id' | 'trace'> &
  Usage & {
    name?: string
    output?: unknown
    costUsd?: number
    /** When the first token arrived (epoch ms or Date). */
    completionStartTime?: number | Date
    error?: unknown
  }

/** The running trace, passed to the traced function. */
export interface TraceHandle {
  readonly id: string
  readonly traceId: string
  readonly sessionId: string | undefined
  /** Set or change fields; metadata is merged, the rest replaced. */
  update(fields: TraceUpdate): void
}

/** The running span, passed to the spanned function. */
export interface SpanHandle {
  readonly id: string
  readonly traceId: string
  readonly parentId: string | undefined
  update(fields: SpanUpdate): void
}

export type ScoreInput = {
  /** Defaults to the current trace. */
  traceId?: string
  spanId?: string
  sessionId?: string
  name: string
  value: number | string | boolean
  comment?: string
  dataType?: 'numeric' | 'categorical' | 'boolean'
  source?: 'heuristic' | 'judge' | 'human' | 'api'
  evaluator?: string
  metadata?: Metadata
  id?: string
}

export type FeedbackInput = {
  /** Defaults to the current trace when neither traceId nor sessionId is given. */
  traceId?: string
  sessionId?: string
  userId?: string
  thumbs?: 'up' | 'down'
  /** 1..5 */
  rating?: number
  /** 0..1 */
  satisfaction?: number
  comment?: string
  correction?: string
  metadata?: Metadata
  id?: string
}

export type EndConversationInput = {
  /** 0..1 */
  satisfaction?: number
  resolved?: boolean
  stage?: ConversationStage
  userId?: string
  tags?: string[]
  metadata?: Metadata
}

export type EventType =
  | 'trace-create'
  | 'trace-update'
  | 'span-create'
  | 'span-update'
  | 'session-create'
  | 'session-update'
  | 'score-create'
  | 'feedback-create'

/** One event of the ingestion API, as sent. */
export type IngestEvent = {
  id: string
  type: EventType
  timestamp: string
  body: Record<string, unknown>
}

export type ChatlensStats = {
  /** Events waiting to be sent, including a batch in flight. */
  queued: number
  /** Events the server (or exporter) accepted. */
  sent: number
  /** Events never queued because the queue was full, or left unsent at shutdown. */
  dropped: number
  /** Events the server rejected, or given up after the last retry. */
  failed: number
  /** Requests sent again after a retryable failure. */
  retried: number
}
