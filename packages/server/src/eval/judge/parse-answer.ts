import type { ChatResult } from '../../llm/provider.js'
import type { JudgeDefinition } from './definition.js'
import { extractJson } from './extract-json.js'
import { describeIssues } from './messages.js'

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string }

/** The model's answer as the judge's validated output, or why it is not one. Nothing is clamped. */
export function parseAnswer<T>(
  definition: JudgeDefinition<T>,
  answer: Pick<ChatResult, 'content' | 'finishReason'>,
): Parsed<T> {
  const cut = answer.finishReason === 'length' ? ' (the answer was cut off at the token limit)' : ''
  const extracted = extractJson(answer.content)
  if (!extracted.ok) return { ok: false, reason: `${extracted.reason}${cut}` }
  const checked = definition.output.safeParse(extracted.value)
  if (!checked.success) {
    return {
      ok: false,
      reason: `the JSON does not match the schema: ${describeIssues(checked.error).join('; ')}${cut}`,
    }
  }
  return { ok: true, value: checked.data }
}
