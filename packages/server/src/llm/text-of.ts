/** Deeper structures than this are cut off rather than walked (inputs can be arbitrary JSON). */
const MAX_DEPTH = 32
/** Keys that describe a value rather than hold its text. */
const LABEL_KEYS = new Set(['role', 'type', 'id', 'object', 'index', 'finish_reason', 'logprobs', 'created'])
/** Content-part types that carry no text (images, audio, files). */
const NON_TEXT_PART = /^(?:input_)?(?:image|image_url|audio|input_audio|file|video)/

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

function join(parts: string[]): string {
  return parts.filter((p) => p.length > 0).join('\n')
}

function leaves(value: Record<string, unknown>, depth: number): string {
  const parts: string[] = []
  for (const [key, v] of Object.entries(value)) {
    if (LABEL_KEYS.has(key)) continue
    parts.push(walk(v, depth + 1))
  }
  return join(parts)
}

function walk(value: unknown, depth: number): string {
  if (depth > MAX_DEPTH || value === null || value === undefined) return ''
  if (typeof value === 'string') return value.startsWith('data:') ? '' : value
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value)
  if (Array.isArray(value)) return join(value.map((v) => walk(v, depth + 1)))
  if (!isRecord(value)) return ''

  const type = typeof value.type === 'string' ? value.type : ''
  if (NON_TEXT_PART.test(type) && typeof value.text !== 'string') return ''
  // A chat message (OpenAI, Anthropic): its content, plus any tool-call arguments.
  if ('content' in value) {
    return join([walk(value.content, depth + 1), walk(value.tool_calls, depth + 1)])
  }
  if (typeof value.text === 'string') return value.text
  // Requests and responses of common chat APIs.
  if (Array.isArray(value.messages)) return walk(value.messages, depth + 1)
  if (Array.isArray(value.choices)) {
    return join(
      value.choices.map((c) => (isRecord(c) ? walk(c.message ?? c.delta ?? c.text, depth + 1) : '')),
    )
  }
  if (typeof value.output_text === 'string') return value.output_text
  if (Array.isArray(value.parts)) return walk(value.parts, depth + 1)
  if (Array.isArray(value.contents)) return walk(value.contents, depth + 1)
  return leaves(value, depth)
}

/**
 * The text a reader (or a model) would see in a value that arrived as JSON: a string as it is;
 * a chat message array, a `{ content }` message, an OpenAI request or response, or Gemini
 * `parts` by their text; any other JSON by its string, number and boolean leaves, one per line.
 * Images, audio and data URLs contribute nothing.
 * @example textOf([{ role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Hello!' }]) // 'Hi\nHello!'
 */
export function textOf(value: unknown): string {
  return walk(value, 0)
}
