import type { SpanUpdate } from '../types.js'
import { ChatAccumulator } from './chat-stream.js'
import { type Body, completionFields, parametersOf } from './extract.js'
import { responseFields, responsesInput, responsesParameters } from './responses-extract.js'
import { ResponsesAccumulator } from './responses-stream.js'
import type { StreamAccumulator } from './stream.js'

/** What differs between the OpenAI endpoints wrapOpenAI traces. */
export type Endpoint = {
  /** Default name of its generation spans. */
  spanName: string
  /** The parameters and input a request asks for, recorded when the call starts. */
  request(body: Body): { parameters?: Record<string, unknown>; input?: unknown }
  /** What to record of a plain (not streamed) answer. */
  result(data: unknown): SpanUpdate
  /** A fresh accumulator for one streamed answer. */
  accumulator(): StreamAccumulator
}

/** `client.chat.completions.create`. */
export const CHAT_COMPLETIONS: Endpoint = {
  spanName: 'openai.chat.completions',
  request: (body) => ({
    parameters: parametersOf(body),
    // A copy: chatbots push the answer onto the same history array right after the call.
    input: Array.isArray(body.messages) ? body.messages.slice() : body.messages,
  }),
  result: (data) => completionFields(data as Parameters<typeof completionFields>[0]),
  accumulator: () => new ChatAccumulator(),
}

/** `client.responses.create`, the Responses API. */
export const RESPONSES: Endpoint = {
  spanName: 'openai.responses',
  request: (body) => ({ parameters: responsesParameters(body), input: responsesInput(body) }),
  result: (data) => responseFields(data as Parameters<typeof responseFields>[0]),
  accumulator: () => new ResponsesAccumulator(),
}
