import type { PromptMessage } from '../store/index.js'
import type { Variables } from './schemas.js'

/**
 * `{{name}}` or `{{ name }}`: a letter or underscore, then letters, digits and underscores.
 * Braces around anything else (`{{ 1 }}`, `{{}}`, JSON) are left as they are.
 */
const VARIABLE = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g

/** The variables of some messages, in order of first appearance. */
export function variablesOf(messages: readonly PromptMessage[]): string[] {
  const names = new Set<string>()
  for (const m of messages) for (const match of m.content.matchAll(VARIABLE)) names.add(match[1]!)
  return [...names]
}

export type Rendered = {
  messages: PromptMessage[]
  /** Variables the messages use that no value was given for; their placeholders stay as they were. */
  missing: string[]
  /** Values given for variables the messages do not use. */
  unused: string[]
}

/**
 * Replaces every placeholder with its value in one pass: a value that itself contains `{{…}}` is
 * inserted as it is and never expanded, so user input cannot pull in other variables.
 */
export function renderMessages(messages: readonly PromptMessage[], variables: Variables): Rendered {
  const missing = new Set<string>()
  const used = new Set<string>()
  const rendered = messages.map((m) => ({
    role: m.role,
    content: m.content.replace(VARIABLE, (whole, name: string) => {
      if (!Object.hasOwn(variables, name)) {
        missing.add(name)
        return whole
      }
      used.add(name)
      return String(variables[name])
    }),
  }))
  return {
    messages: rendered,
    missing: [...missing],
    unused: Object.keys(variables).filter((k) => !used.has(k)),
  }
}
