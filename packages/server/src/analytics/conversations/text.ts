import { textOf } from '../../llm/index.js'

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

/** What the user asked in a trace's input: the last user message of a chat, else all its text. */
export function userQueryOf(input: unknown): string {
  if (Array.isArray(input)) {
    for (let i = input.length - 1; i >= 0; i--) {
      const m = input[i]
      if (isRecord(m) && m.role === 'user') return textOf(m.content)
    }
  }
  if (isRecord(input) && Array.isArray(input.messages)) return userQueryOf(input.messages)
  return textOf(input)
}

/** The bot's answer in a trace's output: the last assistant message, else all its text. */
export function botResponseOf(output: unknown): string {
  if (Array.isArray(output)) {
    for (let i = output.length - 1; i >= 0; i--) {
      const m = output[i]
      if (isRecord(m) && m.role === 'assistant') return textOf(m.content)
    }
  }
  return textOf(output)
}

/** A stored JSON column as a value (text columns hold JSON). */
export function fromJson(text: unknown): unknown {
  if (typeof text !== 'string') return text ?? null
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}
