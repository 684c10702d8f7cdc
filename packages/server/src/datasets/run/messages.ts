import type { ChatMessage } from '../../llm/index.js'
import { renderMessages } from '../../prompts/index.js'
import type { ResolvedConfig } from './config.js'

export type ItemRequest = {
  query: string
  history: ChatMessage[]
  variables: Record<string, string | number | boolean>
}

/** The query, conversation and variables of a stored item input (text, or { query, history, variables }). */
export function readInput(input: unknown): ItemRequest {
  if (typeof input === 'string') return { query: input, history: [], variables: {} }
  const o = (input ?? {}) as { query?: unknown; history?: unknown; variables?: unknown }
  return {
    query: typeof o.query === 'string' ? o.query : '',
    history: Array.isArray(o.history) ? (o.history as ChatMessage[]) : [],
    variables: (o.variables ?? {}) as ItemRequest['variables'],
  }
}

/** Variables every item provides: the query, as {{query}} or {{input}}. */
const QUERY_VARIABLES = ['query', 'input']

/**
 * The messages sent for one item: the prompt's messages with its variables filled (the item's
 * own, plus {{query}} / {{input}}), then the item's conversation and its query as the last user
 * message. A prompt that places {{query}} itself gets the conversation before its own turns
 * instead. Missing variables are an error of the item, named.
 */
export function messagesFor(
  config: ResolvedConfig,
  req: ItemRequest,
): { messages: ChatMessage[] } | { error: string } {
  const variables = { ...req.variables, query: req.query, input: req.query }
  const rendered = renderMessages(config.template, variables)
  if (rendered.missing.length)
    return { error: `the prompt needs variables the item does not give: ${rendered.missing.join(', ')}` }
  const placesQuery = QUERY_VARIABLES.some((v) => !rendered.unused.includes(v))
  const messages = rendered.messages as ChatMessage[]
  if (!placesQuery) return { messages: [...messages, ...req.history, { role: 'user', content: req.query }] }
  const system = messages.filter((m) => m.role === 'system')
  return { messages: [...system, ...req.history, ...messages.filter((m) => m.role !== 'system')] }
}
