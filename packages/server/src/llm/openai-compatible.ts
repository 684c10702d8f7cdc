import OpenAI from 'openai'
import type { PriceOverride } from '../model/project.js'
import { toProviderError } from './openai-errors.js'
import { type RawAnswer, readCompletion, readStream, usageOf } from './openai-response.js'
import { computeCostUsd } from './pricing.js'
import type { ChatRequest, ChatResult, Provider, ResponseFormat } from './provider.js'

export const DEFAULT_TIMEOUT_MS = 60_000
export const OPENAI_BASE_URL = 'https://api.openai.com/v1'

export type OpenAICompatibleOptions = {
  /** OpenAI, Ollama (`http://localhost:11434/v1`), vLLM, llama.cpp, LM Studio… */
  baseURL?: string
  apiKey?: string
  defaultModel?: string
  timeoutMs?: number
  /** Stream answers to measure time to first token. */
  stream?: boolean
  /** Whether the endpoint honours `response_format: json_schema` (OpenAI, vLLM and Ollama do). */
  supportsJsonSchema?: boolean
  priceOverrides?: readonly PriceOverride[]
}

/** Models that take max_completion_tokens and reject max_tokens. */
const REASONING_MODEL = /(?:^|\/)(?:o\d|gpt-5)/i

function responseFormatBody(format: ResponseFormat) {
  if (format.type === 'json_object') return { type: 'json_object' as const }
  return { type: 'json_schema' as const, json_schema: { name: format.name, schema: format.schema as never } }
}

function requestBody(req: ChatRequest, model: string) {
  const body: Record<string, unknown> = { ...req.parameters, model, messages: req.messages }
  if (req.temperature !== undefined) body.temperature = req.temperature
  if (req.maxTokens !== undefined)
    body[REASONING_MODEL.test(model) ? 'max_completion_tokens' : 'max_tokens'] = req.maxTokens
  if (req.seed !== undefined) body.seed = req.seed
  if (req.responseFormat) body.response_format = responseFormatBody(req.responseFormat)
  return body as unknown as OpenAI.ChatCompletionCreateParamsNonStreaming
}

/**
 * A provider for any OpenAI-compatible chat endpoint. It never retries by itself: errors come
 * back as ProviderError (with retryAfterMs on 429) and the caller decides.
 * @example createOpenAICompatibleProvider({ baseURL: 'http://localhost:11434/v1', defaultModel: 'llama3.1' })
 */
export function createOpenAICompatibleProvider({
  baseURL = OPENAI_BASE_URL,
  apiKey = 'not-set',
  defaultModel = 'gpt-4o-mini',
  timeoutMs = DEFAULT_TIMEOUT_MS,
  stream = false,
  supportsJsonSchema = true,
  priceOverrides,
}: OpenAICompatibleOptions = {}): Provider {
  const client = new OpenAI({ baseURL, apiKey, timeout: timeoutMs, maxRetries: 0 })
  return {
    name: 'openai-compatible',
    simulated: false,
    defaultModel,
    supportsJsonSchema,
    async chat(req: ChatRequest): Promise<ChatResult> {
      const model = req.model ?? defaultModel
      const options = { signal: req.signal ?? null, timeout: req.timeoutMs ?? timeoutMs, maxRetries: 0 }
      const body = requestBody(req, model)
      const start = performance.now()
      let answer: RawAnswer
      let ttft: number | null = null
      try {
        if (stream) {
          const chunks = await client.chat.completions.create(
            { ...body, stream: true, stream_options: { include_usage: true } },
            options,
          )
          ;({ answer, ttft } = await readStream(chunks, model, start))
        } else {
          answer = readCompletion(await client.chat.completions.create(body, options), model)
        }
      } catch (err) {
        throw toProviderError(err)
      }
      const latencyMs = performance.now() - start
      const usage = usageOf(req, answer)
      const costUsd =
        computeCostUsd(answer.model, usage, priceOverrides) ?? computeCostUsd(model, usage, priceOverrides)
      return {
        content: answer.content,
        model: answer.model,
        provider: 'openai-compatible',
        simulated: false,
        usage,
        latencyMs,
        timeToFirstTokenMs: ttft,
        costUsd,
        finishReason: answer.finishReason,
      }
    },
  }
}
