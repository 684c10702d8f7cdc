import { z } from 'zod'
import type { Assertion } from './schemas.js'
import { type Check, clip } from './types.js'

type Of<T extends Assertion['type']> = Extract<Assertion, { type: T }>

const FENCE = /^```[a-zA-Z]*\s*\n([\s\S]*?)\n?```$/

/** The output as JSON: the whole text, or the inside of one code fence around it. */
export function parseJsonOutput(
  output: string,
): { ok: true; value: unknown } | { ok: false; reason: string } {
  const text = output.trim()
  const inner = FENCE.exec(text)?.[1] ?? text
  try {
    return { ok: true, value: JSON.parse(inner) }
  } catch (err) {
    return { ok: false, reason: `the output is not JSON: ${(err as Error).message}` }
  }
}

/** JSON with object keys sorted, so equal values compare equal whatever their key order. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_, x) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)))
      : x,
  )
}

const yes = (pass: boolean, reason: string) => ({ pass, score: pass ? 1 : 0, reason })
const skipped = (reason: string) => ({ pass: null, score: null, reason })
const NO_EXPECTED = 'skipped: no value given and the item has no expected output'

export const equalsCheck: Check<Of<'equals'>> = (a, ctx) => {
  const want = a.value !== undefined ? a.value : ctx.expected
  if (want === null || want === undefined) return skipped(NO_EXPECTED)
  if (typeof want === 'string') {
    const norm = (s: string) => (a.ignoreCase ? s.trim().toLowerCase() : s.trim())
    const pass = norm(ctx.output) === norm(want)
    return yes(pass, pass ? 'the output equals the expected text' : `expected ${JSON.stringify(clip(want))}`)
  }
  const parsed = parseJsonOutput(ctx.output)
  if (!parsed.ok) return yes(false, parsed.reason)
  const pass = canonical(parsed.value) === canonical(want)
  return yes(pass, pass ? 'the output equals the expected JSON' : `expected ${clip(canonical(want), 120)}`)
}

function needles(value: string | string[] | undefined, expected: unknown): string[] | null {
  const v = value ?? expected
  if (typeof v === 'string' && v.length) return [v]
  if (Array.isArray(v) && v.length && v.every((x) => typeof x === 'string')) return v as string[]
  return null
}

function containsAll(output: string, wanted: string[], ignoreCase: boolean) {
  const hay = ignoreCase ? output.toLowerCase() : output
  const missing = wanted.filter((w) => !hay.includes(ignoreCase ? w.toLowerCase() : w))
  return yes(
    missing.length === 0,
    missing.length === 0
      ? `contains ${wanted.map((w) => JSON.stringify(clip(w, 40))).join(', ')}`
      : `missing ${missing.map((w) => JSON.stringify(clip(w, 40))).join(', ')}`,
  )
}

export const containsCheck: Check<Of<'contains'>> = (a, ctx) => {
  const wanted = needles(a.value, ctx.expected)
  return wanted ? containsAll(ctx.output, wanted, false) : skipped(NO_EXPECTED)
}

export const icontainsCheck: Check<Of<'icontains'>> = (a, ctx) => {
  const wanted = needles(a.value, ctx.expected)
  return wanted ? containsAll(ctx.output, wanted, true) : skipped(NO_EXPECTED)
}

export const regexCheck: Check<Of<'regex'>> = (a, ctx) => {
  const pass = new RegExp(a.pattern, a.flags).test(ctx.output)
  return yes(pass, `${pass ? 'matches' : 'does not match'} /${clip(a.pattern, 80)}/${a.flags ?? ''}`)
}

const compiled = new WeakMap<object, z.ZodType>()

export const jsonSchemaCheck: Check<Of<'json-schema'>> = (a, ctx) => {
  const parsed = parseJsonOutput(ctx.output)
  if (!parsed.ok) return yes(false, parsed.reason)
  let schema = compiled.get(a.schema)
  if (!schema) {
    schema = z.fromJSONSchema(a.schema as never)
    compiled.set(a.schema, schema)
  }
  const r = schema.safeParse(parsed.value)
  if (r.success) return yes(true, 'the output is valid against the schema')
  const issue = r.error.issues[0]
  return yes(false, `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`)
}

export const scoreCheck: Check<Of<'score'>> = (a, ctx) => {
  const value = ctx.scores[a.score]
  if (value === null || value === undefined)
    return yes(
      false,
      `no ${a.score} score: run the evaluator that produces it (evaluators: heuristics, rubric, …)`,
    )
  const pass = (a.min === undefined || value >= a.min) && (a.max === undefined || value <= a.max)
  const bounds = [a.min !== undefined && `≥ ${a.min}`, a.max !== undefined && `≤ ${a.max}`]
    .filter(Boolean)
    .join(' and ')
  return { pass, score: pass ? 1 : 0, reason: `${a.score} = ${value.toFixed(3)} (wanted ${bounds})` }
}
