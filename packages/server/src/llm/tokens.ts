import { createRequire } from 'node:module'
import { textOf } from './text-of.js'

export { textOf } from './text-of.js'

export type EncodingName = 'o200k_base' | 'cl100k_base'

type Encoding = {
  encode(text: string, options?: EncodeOptions): number[]
  decode(tokens: Iterable<number>): string
  countTokens(text: string, options?: EncodeOptions): number
}
type EncodeOptions = { disallowedSpecial?: Set<string> }

/**
 * Special-token text such as "<|endoftext|>" in user content is counted as plain text (the
 * tokenizer would otherwise throw on it).
 */
const PLAIN_TEXT: EncodeOptions = { disallowedSpecial: new Set() }
/** OpenAI chat format: <|start|>role<|sep|> … <|end|> per message, and the reply is primed with 3. */
const TOKENS_PER_MESSAGE = 3
const TOKENS_PER_NAME = 1
const REPLY_PRIMING_TOKENS = 3

/** Models tokenized with cl100k_base: gpt-4 (not 4o/4.1/4.5), gpt-3.5 and the older embeddings. */
const CL100K_MODELS = /(?:^|[/.:])(?:gpt-4(?![o.])|gpt-3\.5|gpt-35|text-embedding-(?:ada|3))/i

const require = createRequire(import.meta.url)
const loaded = new Map<EncodingName, Encoding>()

/** Loaded on first use: each encoding's rank table takes ~100 ms and several MB to build. */
function encoding(name: EncodingName): Encoding {
  let enc = loaded.get(name)
  if (!enc) {
    enc = require(`gpt-tokenizer/encoding/${name}`) as Encoding
    loaded.set(name, enc)
  }
  return enc
}

/**
 * The encoding used for a model: o200k_base for gpt-4o, gpt-4.1, gpt-5 and the o-series,
 * cl100k_base for gpt-4 and gpt-3.5. Every other model (Claude, Gemini, Llama, …) uses its own
 * tokenizer that is not public or not bundled; o200k_base is used as an approximation for them.
 */
export function encodingFor(model?: string | null): EncodingName {
  return model && CL100K_MODELS.test(model) ? 'cl100k_base' : 'o200k_base'
}

/** @example countTokens('Hello, world!') // 4 */
export function countTokens(text: string, model?: string | null): number {
  if (!text) return 0
  return encoding(encodingFor(model)).countTokens(text, PLAIN_TEXT)
}

/** The first `maxTokens` tokens of a text, and whether it was cut. */
export function truncateToTokens(
  text: string,
  maxTokens: number,
  model?: string | null,
): { text: string; truncated: boolean } {
  const enc = encoding(encodingFor(model))
  const tokens = enc.encode(text, PLAIN_TEXT)
  if (tokens.length <= maxTokens) return { text, truncated: false }
  return { text: enc.decode(tokens.slice(0, Math.max(0, maxTokens))), truncated: true }
}

type MessageLike = { role: unknown; content?: unknown; name?: unknown }
const isMessage = (v: unknown): v is MessageLike => typeof v === 'object' && v !== null && 'role' in v

function chatMessages(value: unknown): MessageLike[] | undefined {
  const list =
    typeof value === 'object' && value !== null && !Array.isArray(value) && 'messages' in value
      ? (value as { messages: unknown }).messages
      : value
  return Array.isArray(list) && list.length > 0 && list.every(isMessage) ? list : undefined
}

/**
 * Prompt tokens of a chat as OpenAI bills them (message framing included), for a message array
 * or a `{ messages }` request; any other value counts as the tokens of its text (see textOf).
 * @example countMessageTokens([{ role: 'user', content: 'Hi' }]) // 8
 */
export function countMessageTokens(value: unknown, model?: string | null): number {
  const messages = chatMessages(value)
  if (!messages) return countTokens(textOf(value), model)
  let total = REPLY_PRIMING_TOKENS
  for (const m of messages) {
    total += TOKENS_PER_MESSAGE + countTokens(String(m.role), model) + countTokens(textOf(m), model)
    if (typeof m.name === 'string' && m.name) total += TOKENS_PER_NAME + countTokens(m.name, model)
  }
  return total
}
