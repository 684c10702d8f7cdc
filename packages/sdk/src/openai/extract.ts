import type { Usage } from '../types.js'

/** The request fields that shape a completion, recorded as the generation's parameters. */
const PARAMETER_KEYS = [
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

type Body = Record<string, unknown>

export function parametersOf(body: Body): Record<string, unknown> | undefined {
  let out: Record<string, unknown> | undefined
  for (const key of PARAMETER_KEYS) {
    if (body[key] === undefined) continue
    out ??= {}
    out[key] = body[key]
  }
  if (Array.isArray(body.tools)) {
    out ??= {}
    out.tools = body.tools.map(
      (t: { function?: { name?: string }; type?: string }) => t?.function?.name ?? t?.type,
    )
  }
  return out
}

type OpenAIUsage = {
  prompt_tokens?: number
  completion_tokens?: number
  total_tokens?: number
  prompt_tokens_details?: { cached_tokens?: number } | null
  completion_tokens_details?: { reasoning_tokens?: number } | null
}

export function usageOf(u: OpenAIUsage | null | undefined): Usage {
  if (!u || typeof u !== 'object') return {}
  const usage: Usage = {}
  if (typeof u.prompt_tokens === 'number') usage.inputTokens = u.prompt_tokens
  if (typeof u.completion_tokens === 'number') usage.outputTokens = u.completion_tokens
  if (typeof u.total_tokens === 'number') usage.totalTokens = u.total_tokens
  const cached = u.prompt_tokens_details?.cached_tokens
  if (typeof cached === 'number') usage.cachedInputTokens = cached
  const reasoning = u.completion_tokens_details?.reasoning_tokens
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
export function completionFields(data: Completion) {
  const choices = Array.isArray(data?.choices) ? data.choices : []
  const output = choices.length === 1 ? choices[0]?.message : choices.map((c) => c?.message)
  return {
    output,
    model: typeof data?.model === 'string' ? data.model : undefined,
    ...usageOf(data?.usage),
    metadata: { finishReason: choices[0]?.finish_reason ?? undefined, responseId: data?.id },
  }
}
