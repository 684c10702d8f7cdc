import vm from 'node:vm'
import { z } from 'zod'

export const RUBRIC_MAX_CHARS = 5_000
export const CODE_MAX_CHARS = 20_000
export const JS_TIMEOUT_MS_DEFAULT = 1_000
export const JS_TIMEOUT_MS_MAX = 10_000
export const GRADES = ['A', 'B', 'C', 'D', 'E'] as const

const base = {
  /** Shown in results and reports; a description of the check by default. */
  name: z.string().min(1).max(100).optional(),
  /** Passes when the check fails (e.g. "does not contain"). */
  not: z.boolean().optional(),
}
/** Text to look for; the item's expected output when absent. */
const Needle = z.union([z.string().min(1).max(10_000), z.array(z.string().min(1).max(10_000)).min(1).max(50)])

const Equals = z.object({
  type: z.literal('equals'),
  ...base,
  /** The item's expected output when absent. JSON values compare structurally. */
  value: z.unknown().optional(),
  ignoreCase: z.boolean().optional(),
})

/** Every one of the strings must appear. */
const Contains = z.object({ type: z.literal('contains'), ...base, value: Needle.optional() })
const IContains = z.object({ type: z.literal('icontains'), ...base, value: Needle.optional() })

const Regex = z
  .object({
    type: z.literal('regex'),
    ...base,
    pattern: z.string().min(1).max(2_000),
    flags: z
      .string()
      .regex(/^[imsu]*$/, 'only the flags i, m, s and u')
      .optional(),
  })
  .superRefine((a, ctx) => {
    try {
      new RegExp(a.pattern, a.flags)
    } catch (err) {
      ctx.addIssue({ code: 'custom', path: ['pattern'], message: (err as Error).message })
    }
  })

const JsonSchema = z
  .object({
    type: z.literal('json-schema'),
    ...base,
    /** A JSON Schema the output (parsed as JSON) must satisfy. */
    schema: z.record(z.string(), z.unknown()),
  })
  .superRefine((a, ctx) => {
    try {
      z.fromJSONSchema(a.schema as never)
    } catch (err) {
      ctx.addIssue({
        code: 'custom',
        path: ['schema'],
        message: `not a usable JSON Schema: ${(err as Error).message}`,
      })
    }
  })

/**
 * A question an LLM judge answers about the output: yes/no, a grade A–E, or one of the given
 * categories. `pass` lists the answers that pass (yes; A, B and C; the first category by default).
 */
const LlmRubric = z
  .object({
    type: z.literal('llm-rubric'),
    ...base,
    rubric: z.string().min(5).max(RUBRIC_MAX_CHARS),
    scale: z.enum(['yes-no', 'grade', 'categories']).default('yes-no'),
    categories: z.array(z.string().min(1).max(100)).min(2).max(20).optional(),
    pass: z.array(z.string().min(1).max(100)).min(1).max(20).optional(),
    model: z.string().min(1).max(200).optional(),
  })
  .superRefine((a, ctx) => {
    if (a.scale === 'categories' && !a.categories)
      ctx.addIssue({ code: 'custom', path: ['categories'], message: 'the categories scale needs categories' })
    const allowed: readonly string[] =
      a.scale === 'yes-no' ? ['yes', 'no'] : a.scale === 'grade' ? GRADES : (a.categories ?? [])
    a.pass?.forEach((p, i) => {
      if (!allowed.includes(p))
        ctx.addIssue({ code: 'custom', path: ['pass', i], message: `not one of ${allowed.join(', ')}` })
    })
  })

/**
 * A JavaScript function body (or one expression) over `output`, `expected`, `input` and
 * `metadata` returning a boolean, a score in 0..1 (passes at 0.5) or { pass, score?, reason? }.
 * It runs in a node:vm context with a timeout: trusted code only, node:vm is no security boundary.
 */
const JavaScript = z
  .object({
    type: z.literal('javascript'),
    ...base,
    code: z.string().min(1).max(CODE_MAX_CHARS),
    timeoutMs: z.number().int().min(1).max(JS_TIMEOUT_MS_MAX).optional(),
  })
  .superRefine((a, ctx) => {
    try {
      new vm.Script(wrapCode(a.code))
    } catch (err) {
      ctx.addIssue({ code: 'custom', path: ['code'], message: `does not compile: ${(err as Error).message}` })
    }
  })

/** An evaluator's score (e.g. quality, relevance, judge_overall) within bounds. */
const ScoreThreshold = z
  .object({
    type: z.literal('score'),
    ...base,
    score: z.string().min(1).max(100),
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
  })
  .refine((a) => a.min !== undefined || a.max !== undefined, { message: 'give min or max', path: ['min'] })

export const Assertion = z.discriminatedUnion('type', [
  Equals,
  Contains,
  IContains,
  Regex,
  JsonSchema,
  LlmRubric,
  JavaScript,
  ScoreThreshold,
])
export type Assertion = z.infer<typeof Assertion>
export type AssertionType = Assertion['type']

const wrap = (body: string) => `(function (output, expected, input, metadata) {\n"use strict";\n${body}\n})`
const wrapped = new Map<string, string>()

/** One expression is returned as the verdict; anything else is a function body with its own `return`. */
export function wrapCode(code: string): string {
  let source = wrapped.get(code)
  if (source === undefined) {
    source = wrap(`return (${code}\n)`)
    try {
      new vm.Script(source)
    } catch {
      source = wrap(code)
    }
    if (wrapped.size > 500) wrapped.clear()
    wrapped.set(code, source)
  }
  return source
}
