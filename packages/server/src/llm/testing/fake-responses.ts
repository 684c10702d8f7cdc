import type { ServerResponse } from 'node:http'
import { lastUserText, sendJson, sleep, type Usage, usageFor, words } from './fake-shared.js'
import type { ChatRequest, FakeBehaviour, FakeOpenAIOptions, ResponsesRequest } from './openai-server.js'

/** The fake's Responses API: POST /v1/responses, plain and as typed server-sent events. */

/** The text of a Responses API input item's content: a string, or its parts' text. */
function itemText(content: unknown): unknown {
  if (!Array.isArray(content)) return content
  return content.map((p: { text?: unknown }) => (typeof p?.text === 'string' ? p.text : '')).join('')
}

/** A Responses API request as the chat request `reply` and `behaviour` take. */
export function chatView(body: ResponsesRequest): ChatRequest {
  const messages: ChatRequest['messages'] = []
  if (typeof body.instructions === 'string') messages.push({ role: 'system', content: body.instructions })
  if (typeof body.input === 'string') messages.push({ role: 'user', content: body.input })
  for (const item of Array.isArray(body.input) ? body.input : []) {
    if (typeof item.role === 'string') messages.push({ role: item.role, content: itemText(item.content) })
    else if (item.type === 'function_call_output') messages.push({ role: 'tool', content: item.output })
  }
  return { ...body, messages }
}

function responsesUsage(u: Usage) {
  return {
    input_tokens: u.prompt_tokens,
    input_tokens_details: u.prompt_tokens_details,
    output_tokens: u.completion_tokens,
    output_tokens_details: u.completion_tokens_details,
    total_tokens: u.total_tokens,
  }
}

/** The function a request forces a call to: `tool_choice` 'required' or a named function. */
function forcedCall(body: ResponsesRequest): string | undefined {
  const choice = body.tool_choice as string | { type?: string; name?: string } | undefined
  if (typeof choice === 'object' && choice?.type === 'function') return choice.name
  if (choice === 'required') return body.tools?.find((t) => t.type === 'function')?.name
  return undefined
}

type OutputItem =
  | {
      type: 'message'
      id: string
      status: string
      role: 'assistant'
      content: { type: 'output_text'; text: string; annotations: []; logprobs: [] }[]
    }
  | { type: 'function_call'; id: string; call_id: string; name: string; arguments: string; status: string }

type ResponseBody = ReturnType<typeof responseBody>

function responseBody(
  req: ResponsesRequest,
  n: number,
  status: string,
  output: OutputItem[],
  usage: unknown,
) {
  return {
    id: `resp_fake_${n}`,
    object: 'response' as const,
    created_at: Math.floor(Date.now() / 1000),
    status,
    error: status === 'failed' ? { code: 'server_error', message: 'The model failed to respond.' } : null,
    incomplete_details: status === 'incomplete' ? { reason: 'max_output_tokens' } : null,
    instructions: req.instructions ?? null,
    max_output_tokens: req.max_output_tokens ?? null,
    model: req.model,
    output,
    parallel_tool_calls: req.parallel_tool_calls ?? true,
    previous_response_id: req.previous_response_id ?? null,
    temperature: req.temperature ?? 1,
    top_p: req.top_p ?? 1,
    tool_choice: req.tool_choice ?? 'auto',
    tools: req.tools ?? [],
    usage,
  }
}

type Send = (type: string, fields: Record<string, unknown>) => void

async function streamItem(send: Send, output_index: number, item: OutputItem, delayMs: number) {
  if (item.type === 'function_call') {
    send('response.output_item.added', {
      output_index,
      item: { ...item, arguments: '', status: 'in_progress' },
    })
    if (delayMs) await sleep(delayMs)
    send('response.function_call_arguments.delta', { item_id: item.id, output_index, delta: item.arguments })
    send('response.function_call_arguments.done', {
      item_id: item.id,
      output_index,
      arguments: item.arguments,
    })
  } else {
    const text = item.content[0]?.text ?? ''
    const at = { item_id: item.id, output_index, content_index: 0 }
    const part = { type: 'output_text', text: '', annotations: [], logprobs: [] }
    send('response.output_item.added', {
      output_index,
      item: { ...item, content: [], status: 'in_progress' },
    })
    send('response.content_part.added', { ...at, part })
    for (const delta of words(text)) {
      if (delayMs) await sleep(delayMs)
      send('response.output_text.delta', { ...at, delta, logprobs: [] })
    }
    send('response.output_text.done', { ...at, text, logprobs: [] })
    send('response.content_part.done', { ...at, part: { ...part, text } })
  }
  send('response.output_item.done', { output_index, item })
}

/** Streams a response as the Responses API does: typed server-sent events, ending with its status. */
async function streamResponse(res: ServerResponse, response: ResponseBody, delayMs: number, broken: boolean) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
  let sequence_number = 0
  const send: Send = (type, fields) =>
    res.write(
      `event: ${type}\ndata: ${JSON.stringify({ type, sequence_number: sequence_number++, ...fields })}\n\n`,
    )
  const started = {
    ...response,
    status: 'in_progress',
    error: null,
    incomplete_details: null,
    output: [],
    usage: null,
  }
  send('response.created', { response: started })
  send('response.in_progress', { response: started })
  if (broken) {
    send('error', { code: 'server_error', message: 'The server had an error', param: null })
    return res.end()
  }
  for (const [i, item] of response.output.entries()) await streamItem(send, i, item, delayMs)
  send(`response.${response.status}`, { response })
  res.end()
}

/** Answers POST /v1/responses: a message (or a forced function call), completed, failed or incomplete. */
export function answerResponse(
  res: ServerResponse,
  req: ResponsesRequest,
  chat: ChatRequest,
  n: number,
  content: string,
  mode: FakeBehaviour,
  options: FakeOpenAIOptions,
) {
  const status = mode === 'failed' ? 'failed' : mode === 'incomplete' ? 'incomplete' : 'completed'
  const pieces = words(content)
  const text = status === 'incomplete' ? pieces.slice(0, Math.ceil(pieces.length / 2)).join('') : content
  const name = forcedCall(req)
  const args = JSON.stringify({ input: lastUserText(chat) })
  const item: OutputItem =
    name === undefined
      ? {
          type: 'message',
          id: `msg_fake_${n}`,
          status: 'completed',
          role: 'assistant',
          content: [{ type: 'output_text', text, annotations: [], logprobs: [] }],
        }
      : {
          type: 'function_call',
          id: `fc_fake_${n}`,
          call_id: `call_fake_${n}`,
          name,
          arguments: args,
          status: 'completed',
        }
  const usage = usageFor(
    chat,
    item.type === 'message' ? text : args,
    options.cachedTokens,
    options.reasoningTokens,
  )
  const response =
    status === 'failed'
      ? responseBody(req, n, status, [], null)
      : responseBody(req, n, status, [item], responsesUsage(usage))
  if (req.stream) return streamResponse(res, response, options.delayMs ?? 0, mode === 'stream-error')
  sendJson(res, 200, response)
}
