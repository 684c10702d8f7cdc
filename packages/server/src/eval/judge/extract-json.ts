/**
 * Finds the JSON object in a model's answer. Endpoints without structured output, and models that
 * ignore it, wrap the object in code fences or prose ("Here is my evaluation: {…} Hope this
 * helps"). Tried in order: the whole answer, each fenced block, then every balanced `{…}` from
 * left to right; the first candidate that parses to an object wins.
 */
export type Extracted = { ok: true; value: Record<string, unknown> } | { ok: false; reason: string }

const FENCE = /```[a-zA-Z0-9_-]*[ \t]*\r?\n?([\s\S]*?)```/g

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text)
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}

/** End index (exclusive) of the object opening at `start`, skipping braces inside strings. */
function balancedEnd(text: string, start: number): number | undefined {
  let depth = 0
  let inString = false
  for (let i = start; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
    } else if (c === '"') inString = true
    else if (c === '{') depth++
    else if (c === '}' && --depth === 0) return i + 1
  }
  return undefined
}

function* candidates(answer: string): Generator<string> {
  yield answer.trim()
  for (const match of answer.matchAll(FENCE)) yield (match[1] ?? '').trim()
  for (let start = answer.indexOf('{'); start !== -1; start = answer.indexOf('{', start + 1)) {
    const end = balancedEnd(answer, start)
    if (end !== undefined) yield answer.slice(start, end)
  }
}

export function extractJson(answer: string): Extracted {
  if (!answer.trim()) return { ok: false, reason: 'the answer was empty' }
  for (const candidate of candidates(answer)) {
    const value = parseObject(candidate)
    if (value) return { ok: true, value }
  }
  return {
    ok: false,
    reason: answer.includes('{')
      ? 'the answer contains no JSON object that parses'
      : 'the answer contains no JSON object',
  }
}
