import type { SpanUpdate, Usage } from '../types.js'

/** The chat completions request fields that shape an answer, recorded as its parameters. */
const CHAT_PARAMETER_KEYS = [
  'temperature',
  'max_tokens',
  'max_completion_tokens',
  'top_p',
  'frequency_penalty',
  'presence_penalty',
  'seed',
  'stop',
  'n',
  'response_format',
  'tool_choice',
  'parallel_tool_calls',
  'reasoning_effort',
  'service_tier',
  'logprobs',
  'top_logprobs',
  'stream',
] as const

export type Body = Record<string, unknown>

/**
 * The generation's parameters: the request fields among `keys` as given, and the names of the
 * tools offered (a chat `function.name`, a Responses API function `name`, or a built-in tool's
 * `type`).
 */
export function parametersOf(
  body: Body,
  keys: readonly string[] = CHAT_PARAMETER_KEYS,
): Record<string, unknown> | undefined {
  let out: Record<string, unknown> | undefined
  for (const key of keys) {
    if (body[key] === undefined) continue
    out ??= {}
    out[key] = body[key]
  }
  if (Array.isArray(body.tools)) {
    out ??= {}
    out.tools = body.tools.map(
      (t: { function?: { name?: string }; name?: string; type?: string }) =>
        t?.function?.name ?? t?.name ?? t?.type,
    )
  }
  return out
}

type TokenDetails = { cached_tokens?: number; reasoning_tokens?: number } | null

/** Usage as chat completions (`prompt_tokens`, …) or the Responses API (`input_tokens`, …) report it. */
export type OpenAIUsage = {
  prompt_tokens?: number
  completion_tokens?: number
  input_tokens?: number
  output_tokens?: number
  total_tokens?: number
  prompt_tokens_details?: TokenDetails
  completion_tokens_details?: TokenDetails
  input_tokens_details?: TokenDetails
  output_tokens_details?: TokenDetails
}

/** Token counts of either API's usage, as chatlens records them. */
export function usageOf(u: OpenAIUsage | null | undefined): Usage {
  if (!u || typeof u !== 'object') return {}
  const usage: Usage = {}
  const input = u.prompt_tokens ?? u.input_tokens
  if (typeof input === 'number') usage.inputTokens = input
  const output = u.completion_tokens ?? u.output_tokens
  if (typeof output === 'number') usage.outputTokens = output
  if (typeof u.total_tokens === 'number') usage.totalTokens = u.total_tokens
  const cached = (u.prompt_tokens_details ?? u.input_tokens_details)?.cached_tokens
  if (typeof cached === 'number') usage.cachedInputTokens = cached
  const reasoning = (u.completion_tokens_details ?? u.output_tokens_details)?.reasoning_tokens
  if (typeof reasoning === 'number') usage.reasoningTokens = reasoning
  return usage
}

type Completion = {
  id?: string
  model?: string
  choices?: { message?: unknown; finish_reason?: string | null }[]
  usage?: OpenAIUsage | null
}

/** Output, model, usage and finish reason of a non-streamed chat completion. */
export function completionFields(data: Completion): SpanUpdate {
  const choices = Array.isArray(data?.choices) ? data.choices : []
  const output = choices.length === 1 ? choices[0]?.message : choices.map((c) => c?.message)
  return {
    output,
    model: typeof data?.model === 'string' ? data.model : undefined,
    ...usageOf(data?.usage),
    metadata: { finishReason: choices[0]?.finish_reason ?? undefined, responseId: data?.id },
  }
}
