import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { answerResponse, chatView } from './fake-responses.js'
import { lastUserText, readJson, sendJson, sleep, type Usage, usageFor, words } from './fake-shared.js'

/**
 * A local OpenAI-compatible server for tests: the only stand-in chatlens allows for an LLM
 * provider. It speaks POST /v1/chat/completions and POST /v1/responses (the Responses API),
 * plain and streaming, with usage, and can be told to misbehave per request.
 *
 * 'failed', 'incomplete' and 'stream-error' shape Responses API answers only: status `failed`
 * with an error, or `incomplete` at `max_output_tokens` with part of the text (and the matching
 * stream events); 'stream-error' sends an `error` event right after a stream starts. Chat
 * completions, and plain Responses API calls with 'stream-error', answer them as 'ok'.
 */
export type FakeBehaviour =
  | 'ok'
  | 'malformed-json'
  | 'timeout'
  | 'rate-limit'
  | 'server-error'
  | 'failed'
  | 'incomplete'
  | 'stream-error'

export type ChatRequest = {
  model: string
  messages: { role: string; content: unknown }[]
  stream?: boolean
  stream_options?: { include_usage?: boolean }
  response_format?: unknown
  temperature?: number
  max_tokens?: number
  [key: string]: unknown
}

/** A Responses API request body. */
export type ResponsesRequest = {
  model: string
  input?: string | Record<string, unknown>[]
  instructions?: string
  stream?: boolean
  tools?: { type: string; name?: string }[]
  tool_choice?: unknown
  [key: string]: unknown
}

export type FakeOpenAIOptions = {
  /**
   * Assistant content for a request; by default echoes the last user message. Responses API
   * requests are given as a chat request whose messages come from `instructions` and `input`.
   */
  reply?: (req: ChatRequest, n: number) => string
  /** Behaviour of the n-th request of its endpoint (0-based); 'ok' by default. */
  behaviour?: (req: ChatRequest, n: number) => FakeBehaviour
  /** Seconds sent in Retry-After with 'rate-limit'. */
  retryAfterSeconds?: number
  /** Delay before answering (and between stream chunks), in ms. */
  delayMs?: number
  /** Input tokens reported as cached, and output tokens as reasoning, in usage (0 by default). */
  cachedTokens?: number
  reasoningTokens?: number
}

export type FakeOpenAI = {
  /** Base URL to give an OpenAI client, ending in /v1. */
  url: string
  /** Every chat completions request body received, in order. */
  requests: ChatRequest[]
  /** Every Responses API request body received, in order. */
  responsesRequests: ResponsesRequest[]
  close(): Promise<void>
}

async function stream(res: ServerResponse, req: ChatRequest, content: string, usage: Usage, delayMs: number) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
  const base = { id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 1, model: req.model }
  const write = (chunk: unknown) => res.write(`data: ${JSON.stringify(chunk)}\n\n`)
  write({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] })
  for (const piece of words(content)) {
    if (delayMs) await sleep(delayMs)
    write({ ...base, choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] })
  }
  write({ ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })
  if (req.stream_options?.include_usage) write({ ...base, choices: [], usage })
  res.end('data: [DONE]\n\n')
}

/** Starts the fake server on a free local port; `close()` it when the test ends. */
export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const {
    reply = (r) => `You said: ${lastUserText(r)}`,
    behaviour = () => 'ok',
    retryAfterSeconds = 1,
  } = options
  const requests: ChatRequest[] = []
  const responsesRequests: ResponsesRequest[] = []
  const hanging = new Set<ServerResponse>()

  const server = createServer(async function fakeOpenAI(httpReq, res) {
    const responsesApi = httpReq.url?.endsWith('/responses') === true
    if (httpReq.method !== 'POST' || !(responsesApi || httpReq.url?.endsWith('/chat/completions'))) {
      return sendJson(res, 404, { error: { message: 'not found', type: 'invalid_request_error' } })
    }
    const body = await readJson(httpReq)
    const responsesBody = body as ResponsesRequest
    const req = responsesApi ? chatView(responsesBody) : (body as ChatRequest)
    const n = responsesApi ? responsesRequests.push(responsesBody) - 1 : requests.push(req) - 1
    const mode = behaviour(req, n)
    if (options.delayMs) await sleep(options.delayMs)
    if (mode === 'timeout') {
      hanging.add(res)
      return
    }
    if (mode === 'rate-limit') {
      const error = { message: 'Rate limit reached', type: 'rate_limit_exceeded' }
      return sendJson(res, 429, { error }, { 'retry-after': String(retryAfterSeconds) })
    }
    if (mode === 'server-error') {
      return sendJson(res, 500, { error: { message: 'The server had an error', type: 'server_error' } })
    }
    const content = mode === 'malformed-json' ? '{"relevance": 0.9, "clarity": oops' : reply(req, n)
    if (responsesApi) return answerResponse(res, responsesBody, req, n, content, mode, options)
    const usage = usageFor(req, content, options.cachedTokens, options.reasoningTokens)
    if (req.stream) return stream(res, req, content, usage, options.delayMs ?? 0)
    sendJson(res, 200, {
      id: `chatcmpl-fake-${n}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: req.model,
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop', logprobs: null }],
      usage,
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    responsesRequests,
    close: async () => {
      for (const res of hanging) res.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
