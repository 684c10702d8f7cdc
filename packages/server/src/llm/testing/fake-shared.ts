import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ChatRequest } from './openai-server.js'

/** Pieces both fake endpoints share: timing, JSON in and out, word chunks and usage figures. */

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export function lastUserText(req: ChatRequest): string {
  const user = [...req.messages].reverse().find((m) => m.role === 'user')
  return typeof user?.content === 'string' ? user.content : JSON.stringify(user?.content ?? '')
}

/** Rough count for the fake's usage figures: about one token per four characters. */
export const approxTokens = (s: string) => Math.max(1, Math.ceil(s.length / 4))

export type Usage = ReturnType<typeof usageFor>

export function usageFor(req: ChatRequest, content: string, cached = 0, reasoning = 0) {
  const prompt = approxTokens(req.messages.map((m) => String(m.content)).join('\n'))
  const completion = approxTokens(content) + reasoning
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { cached_tokens: Math.min(cached, prompt) },
    completion_tokens_details: { reasoning_tokens: reasoning },
  }
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const c of req) chunks.push(c as Buffer)
  return JSON.parse(Buffer.concat(chunks).toString('utf8'))
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

export const words = (text: string) => text.match(/\S+\s*/g) ?? [text]
