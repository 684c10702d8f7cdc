import type OpenAI from 'openai'
import { type ChatRequest, type ChatUsage, ProviderError } from './provider.js'
import { countMessageTokens, countTokens } from './tokens.js'

/** What an OpenAI-compatible endpoint answered, streamed or not. */
export type RawAnswer = {
  content: string
  model: string
  finishReason: string | null
  usage?: OpenAI.CompletionUsage
}

export function usageOf(req: ChatRequest, answer: RawAnswer): ChatUsage {
  const u = answer.usage
  // Some local servers send no usage; count with the tokenizer instead.
  if (!u)
    return {
      inputTokens: countMessageTokens(req.messages, answer.model),
      outputTokens: countTokens(answer.content, answer.model),
    }
  const usage: ChatUsage = { inputTokens: u.prompt_tokens ?? 0, outputTokens: u.completion_tokens ?? 0 }
  const cached = u.prompt_tokens_details?.cached_tokens
  const reasoning = u.completion_tokens_details?.reasoning_tokens
  if (cached) usage.cachedInputTokens = cached
  if (reasoning) usage.reasoningTokens = reasoning
  return usage
}

export async function readStream(
  stream: AsyncIterable<OpenAI.ChatCompletionChunk>,
  model: string,
  start: number,
) {
  const answer: RawAnswer = { content: '', model, finishReason: null }
  let firstTokenAt: number | null = null
  for await (const chunk of stream) {
    if (chunk.model) answer.model = chunk.model
    if (chunk.usage) answer.usage = chunk.usage
    const choice = chunk.choices?.[0]
    const piece = choice?.delta?.content
    if (piece) {
      firstTokenAt ??= performance.now()
      answer.content += piece
    }
    if (choice?.finish_reason) answer.finishReason = choice.finish_reason
  }
  return { answer, ttft: firstTokenAt === null ? null : firstTokenAt - start }
}

export function readCompletion(completion: OpenAI.ChatCompletion, model: string): RawAnswer {
  const choice = completion.choices?.[0]
  const message = choice?.message
  const content = message?.content ?? message?.refusal
  if (typeof content !== 'string')
    throw new ProviderError('invalid_response', 'the LLM endpoint sent no message content')
  const answer: RawAnswer = {
    content,
    model: completion.model || model,
    finishReason: choice?.finish_reason ?? null,
  }
  if (completion.usage) answer.usage = completion.usage
  return answer
}
