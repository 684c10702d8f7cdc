import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A local OpenAI-compatible server for tests: the only stand-in chatlens allows for an LLM
 * provider. It speaks POST /v1/chat/completions (plain and streaming, with usage) and can be
 * told to misbehave per request.
 */
export type FakeBehaviour = 'ok' | 'malformed-json' | 'timeout' | 'rate-limit' | 'server-error'

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

export type FakeOpenAIOptions = {
  /** Assistant content for a request; by default echoes the last user message. */
  reply?: (req: ChatRequest, n: number) => string
  /** Behaviour of the n-th request (0-based); 'ok' by default. */
  behaviour?: (req: ChatRequest, n: number) => FakeBehaviour
  /** Seconds sent in Retry-After with 'rate-limit'. */
  retryAfterSeconds?: number
  /** Delay before answering (and between stream chunks), in ms. */
  delayMs?: number
}

export type FakeOpenAI = {
  /** Base URL to give an OpenAI client, ending in /v1. */
  url: string
  /** Every request body received, in order. */
  requests: ChatRequest[]
  close(): Promise<void>
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function lastUserText(req: ChatRequest): string {
  const user = [...req.messages].reverse().find((m) => m.role === 'user')
  return typeof user?.content === 'string' ? user.content : JSON.stringify(user?.content ?? '')
}

/** Rough count for the fake's usage figures: about one token per four characters. */
const approxTokens = (s: string) => Math.max(1, Math.ceil(s.length / 4))

function usageFor(req: ChatRequest, content: string) {
  const prompt = approxTokens(req.messages.map((m) => String(m.content)).join('\n'))
  const completion = approxTokens(content)
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { cached_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0 },
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const c of req) chunks.push(c as Buffer)
  return JSON.parse(Buffer.concat(chunks).toString('utf8'))
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

async function stream(res: ServerResponse, req: ChatRequest, content: string, delayMs: number) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
  const base = { id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 1, model: req.model }
  const write = (chunk: unknown) => res.write(`data: ${JSON.stringify(chunk)}\n\n`)
  write({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] })
  for (const piece of content.match(/\S+\s*/g) ?? [content]) {
    if (delayMs) await sleep(delayMs)
    write({ ...base, choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] })
  }
  write({ ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })
  if (req.stream_options?.include_usage) write({ ...base, choices: [], usage: usageFor(req, content) })
  res.end('data: [DONE]\n\n')
}

export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const {
    reply = (r) => `You said: ${lastUserText(r)}`,
    behaviour = () => 'ok',
    retryAfterSeconds = 1,
  } = options
  const requests: ChatRequest[] = []
  const hanging = new Set<ServerResponse>()

  const server = createServer(async function fakeOpenAI(httpReq, res) {
    if (httpReq.method !== 'POST' || !httpReq.url?.endsWith('/chat/completions')) {
      return sendJson(res, 404, { error: { message: 'not found', type: 'invalid_request_error' } })
    }
    const req = (await readJson(httpReq)) as ChatRequest
    const n = requests.push(req) - 1
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
    if (req.stream) return stream(res, req, content, options.delayMs ?? 0)
    sendJson(res, 200, {
      id: `chatcmpl-fake-${n}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: req.model,
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop', logprobs: null }],
      usage: usageFor(req, content),
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: async () => {
      for (const res of hanging) res.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
