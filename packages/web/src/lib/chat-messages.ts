/**
 * Turns the many shapes of LLM inputs and outputs into chat messages: a plain string, one
 * message, a list of messages, `{ messages }`, an OpenAI completion (`choices[].message`) and
 * content given as parts (`[{ type: 'text', text }]`). Anything else is not a chat, and the
 * JSON view shows it instead.
 */
export type ChatMessage = { role: string; text: string; toolCalls?: unknown; name?: string }

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

function partText(content: unknown): string | null {
  if (typeof content === 'string') return content
  if (Array.isArray(content)) {
    const texts = content.map((p) =>
      typeof p === 'string'
        ? p
        : isObj(p) && typeof p.text === 'string'
          ? p.text
          : isObj(p)
            ? `[${String(p.type ?? 'part')}]`
            : '',
    )
    return texts.filter(Boolean).join('\n')
  }
  return null
}

function message(v: unknown): ChatMessage | null {
  if (!isObj(v) || typeof v.role !== 'string') return null
  const text = partText(v.content) ?? ''
  const toolCalls = v.tool_calls ?? v.toolCalls ?? v.function_call
  if (!text && !toolCalls) return null
  const m: ChatMessage = { role: v.role, text }
  if (toolCalls) m.toolCalls = toolCalls
  if (typeof v.name === 'string') m.name = v.name
  return m
}

/** The messages in a value, or null when it is not chat-shaped. `defaultRole` names a bare string. */
export function toChatMessages(value: unknown, defaultRole: 'user' | 'assistant'): ChatMessage[] | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'string') return value ? [{ role: defaultRole, text: value }] : null
  if (Array.isArray(value)) {
    const ms = value.map(message)
    return ms.length && ms.every((m) => m !== null) ? (ms as ChatMessage[]) : null
  }
  if (!isObj(value)) return null
  const one = message(value)
  if (one) return [one]
  if (Array.isArray(value.messages)) return toChatMessages(value.messages, defaultRole)
  if (Array.isArray(value.choices)) {
    const ms = value.choices.map((c) => (isObj(c) ? message(c.message ?? c.delta) : null))
    return ms.length && ms.every((m) => m !== null) ? (ms as ChatMessage[]) : null
  }
  for (const key of ['content', 'text', 'output', 'answer', 'response', 'query', 'question', 'input']) {
    if (typeof value[key] === 'string' && value[key])
      return [{ role: defaultRole, text: value[key] as string }]
  }
  return null
}

const PREVIEW_MAX_CHARS = 240

/** One line of text for a table cell: the last message's text, or compact JSON. */
export function previewText(value: unknown, defaultRole: 'user' | 'assistant'): string {
  if (value === null || value === undefined) return ''
  const messages = toChatMessages(value, defaultRole)
  let text: string
  if (messages?.length) {
    const wanted = defaultRole === 'user' ? messages.filter((m) => m.role === 'user') : messages
    text = (wanted.at(-1) ?? messages.at(-1)!).text
  } else {
    text = typeof value === 'string' ? value : JSON.stringify(value)
  }
  text = text.replace(/\s+/g, ' ').trim()
  return text.length > PREVIEW_MAX_CHARS ? `${text.slice(0, PREVIEW_MAX_CHARS - 1)}…` : text
}
