import type { SpanUpdate } from '../types.js'
import { type Body, type OpenAIUsage, parametersOf, usageOf } from './extract.js'

/** The Responses API request fields that shape an answer, recorded as its parameters. */
const RESPONSES_PARAMETER_KEYS = [
  'temperature',
  'top_p',
  'max_output_tokens',
  'max_tool_calls',
  'tool_choice',
  'parallel_tool_calls',
  'reasoning',
  'text',
  'truncation',
  'service_tier',
  'top_logprobs',
  'background',
  'stream',
] as const

/** One output item of a response: a message, a function or tool call, a reasoning step… */
export type OutputItem = {
  type?: string
  content?: { type?: string; text?: string; refusal?: string }[]
  [key: string]: unknown
}

/** The parts of a Responses API `Response` chatlens records. */
export type ResponseObject = {
  id?: string
  model?: string
  status?: string
  output?: OutputItem[]
  output_text?: string
  usage?: OpenAIUsage | null
  error?: { code?: string; message?: string } | null
  incomplete_details?: { reason?: string } | null
  previous_response_id?: string | null
}

/** A response that ended without a complete answer, as the error its span records. */
export class ResponseError extends Error {
  constructor(
    name: string,
    message: string,
    readonly code?: string,
  ) {
    super(code ? `${code}: ${message}` : message)
    this.name = name
  }
}

/** Parameters of a `responses.create` request (see `parametersOf`). */
export function responsesParameters(body: Body): Record<string, unknown> | undefined {
  return parametersOf(body, RESPONSES_PARAMETER_KEYS)
}

/**
 * The input of a `responses.create` request as chat messages: `instructions` as a system
 * message, then a string `input` as a user message, or the input items as they are (copied, as
 * chatbots often push onto the same array after the call).
 */
export function responsesInput(body: Body): unknown[] | undefined {
  const messages: unknown[] = []
  if (typeof body.instructions === 'string') messages.push({ role: 'system', content: body.instructions })
  if (typeof body.input === 'string') messages.push({ role: 'user', content: body.input })
  else if (Array.isArray(body.input)) messages.push(...body.input)
  return messages.length > 0 ? messages : undefined
}

/** The text of the message items among `items`, as the openai client's `output_text` joins it. */
export function outputText(items: OutputItem[]): string {
  let text = ''
  for (const item of items) {
    if (item?.type !== 'message' || !Array.isArray(item.content)) continue
    for (const part of item.content) if (part?.type === 'output_text') text += part.text ?? ''
  }
  return text
}

function refusalOf(items: OutputItem[]): string | undefined {
  for (const item of items) {
    const part = Array.isArray(item?.content) ? item.content.find((p) => p?.type === 'refusal') : undefined
    if (typeof part?.refusal === 'string') return part.refusal
  }
  return undefined
}

/**
 * A response's output as one assistant message: its text, any refusal, and the function and
 * tool calls it made (`tool_calls`, the output items as the API sent them). Reasoning items are
 * left out.
 */
function outputMessage(items: OutputItem[], text: string): Record<string, unknown> {
  const message: Record<string, unknown> = { role: 'assistant', content: text }
  const refusal = refusalOf(items)
  if (refusal !== undefined) message.refusal = refusal
  const calls = items.filter((i) => i && i.type !== 'message' && i.type !== 'reasoning')
  if (calls.length > 0) message.tool_calls = calls
  return message
}

/** The error a response's status stands for: `failed` or `incomplete`; none otherwise. */
function statusError(r: ResponseObject): ResponseError | undefined {
  if (r.status === 'failed') {
    return new ResponseError('ResponseFailedError', r.error?.message ?? 'the response failed', r.error?.code)
  }
  if (r.status === 'incomplete') {
    const reason = r.incomplete_details?.reason ?? 'unknown reason'
    return new ResponseError('ResponseIncompleteError', `the response is incomplete (${reason})`)
  }
  return undefined
}

/**
 * Output, model, usage, status and error of a Responses API `Response`. A `failed` or
 * `incomplete` response is an error, and what it produced is still recorded.
 */
export function responseFields(data: ResponseObject): SpanUpdate {
  const r = data && typeof data === 'object' ? data : {}
  const items = Array.isArray(r.output) ? r.output : []
  const text = typeof r.output_text === 'string' ? r.output_text : outputText(items)
  const metadata: Record<string, unknown> = { status: r.status, responseId: r.id }
  if (r.incomplete_details?.reason) metadata.incompleteReason = r.incomplete_details.reason
  if (r.previous_response_id) metadata.previousResponseId = r.previous_response_id
  return {
    output: outputMessage(items, text),
    model: typeof r.model === 'string' ? r.model : undefined,
    ...usageOf(r.usage),
    metadata,
    error: statusError(r),
  }
}
