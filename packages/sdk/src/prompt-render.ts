import type { PromptMessage, PromptVariables } from './prompts.js'

// The registry's template syntax, as the server reads it: {{name}} or {{ name }}, a name of
// letters, digits and _ that does not start with a digit; any other braces are plain text.
const VARIABLE = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g

/** Fills placeholders in one pass (a value containing {{…}} is not expanded), as the server does. */
export function renderPromptMessages(
  messages: readonly PromptMessage[],
  variables: PromptVariables,
): { messages: PromptMessage[]; missing: string[] } {
  const missing = new Set<string>()
  const out = messages.map((m) => ({
    role: m.role,
    content: m.content.replace(VARIABLE, (whole, name: string) => {
      if (!Object.hasOwn(variables, name)) {
        missing.add(name)
        return whole
      }
      return String(variables[name])
    }),
  }))
  return { messages: out, missing: [...missing] }
}

/** The variables of some messages, in order of first appearance. */
export function variablesIn(messages: readonly PromptMessage[]): string[] {
  const names = new Set<string>()
  for (const m of messages) for (const match of m.content.matchAll(VARIABLE)) names.add(match[1]!)
  return [...names]
}
