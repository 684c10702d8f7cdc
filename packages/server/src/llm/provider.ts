/**
 * The one seam between chatlens and a language model. Every LLM-dependent feature (judge,
 * playground, reference chatbot, optimizer) talks to a Provider and records which one answered:
 * a result from the simulated provider is always labelled `simulated: true`.
 */
export type ChatMessage = { role: 'system' | 'user' | 'assistant' | 'tool'; content: string }

export type ResponseFormat = { type: 'json_object' } | { type: 'json_schema'; name: string; schema: object }

export type ChatRequest = {
  /** Falls back to the provider's default model. */
  model?: string
  messages: ChatMessage[]
  temperature?: number
  maxTokens?: number
  responseFormat?: ResponseFormat
  signal?: AbortSignal
  timeoutMs?: number
  seed?: number
  /** Extra request fields passed through as they are (e.g. `top_p`). */
  parameters?: Record<string, unknown>
}

export type ChatUsage = {
  /** All prompt tokens, cached ones included (OpenAI's prompt_tokens). */
  inputTokens: number
  /** All completion tokens, reasoning ones included (OpenAI's completion_tokens). */
  outputTokens: number
  cachedInputTokens?: number
  reasoningTokens?: number
}

export type ChatResult = {
  content: string
  model: string
  provider: string
  simulated: boolean
  usage: ChatUsage
  latencyMs: number
  timeToFirstTokenMs: number | null
  /** Null when the model is not in the price table. */
  costUsd: number | null
  finishReason: string | null
}

export interface Provider {
  readonly name: string
  readonly simulated: boolean
  readonly defaultModel: string
  /** Whether `responseFormat: { type: 'json_schema' }` is honoured. */
  readonly supportsJsonSchema: boolean
  chat(req: ChatRequest): Promise<ChatResult>
}

export type ProviderErrorKind =
  | 'rate_limit'
  | 'timeout'
  | 'server'
  | 'auth'
  | 'bad_request'
  | 'network'
  | 'invalid_response'

/** Kinds worth another attempt later; the caller decides whether and when. */
export const RETRYABLE_KINDS: ReadonlySet<ProviderErrorKind> = new Set([
  'rate_limit',
  'timeout',
  'server',
  'network',
])

export class ProviderError extends Error {
  override name = 'ProviderError'
  readonly kind: ProviderErrorKind
  readonly status?: number
  /** How long the provider asked us to wait (Retry-After), in ms. */
  readonly retryAfterMs?: number

  constructor(
    kind: ProviderErrorKind,
    message: string,
    options: { status?: number; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.kind = kind
    if (options.status !== undefined) this.status = options.status
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs
  }

  get retryable(): boolean {
    return RETRYABLE_KINDS.has(this.kind)
  }
}
