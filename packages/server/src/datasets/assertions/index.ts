import {
  containsCheck,
  equalsCheck,
  icontainsCheck,
  jsonSchemaCheck,
  regexCheck,
  scoreCheck,
} from './basic.js'
import { javascriptCheck } from './javascript.js'
import { rubricCheck } from './rubric.js'
import type { Assertion } from './schemas.js'
import { type AssertionContext, type AssertionResult, type Check, clip } from './types.js'

export { parseJsonOutput } from './basic.js'
export { JS_PASS_SCORE } from './javascript.js'
export * from './schemas.js'
export type { AssertionContext, AssertionResult } from './types.js'

const CHECKS: { [T in Assertion['type']]: Check<Extract<Assertion, { type: T }>> } = {
  equals: equalsCheck,
  contains: containsCheck,
  icontains: icontainsCheck,
  regex: regexCheck,
  'json-schema': jsonSchemaCheck,
  'llm-rubric': rubricCheck,
  javascript: javascriptCheck,
  score: scoreCheck,
}

const show = (v: unknown): string =>
  typeof v === 'string'
    ? JSON.stringify(clip(v, 40))
    : Array.isArray(v)
      ? v.map(show).join(' + ')
      : 'expected'

/** How an assertion is called in results when it has no name of its own. */
export function assertionName(a: Assertion): string {
  if (a.name) return a.name
  const not = a.not ? 'not ' : ''
  switch (a.type) {
    case 'equals':
    case 'contains':
    case 'icontains':
      return `${not}${a.type} ${a.value === undefined ? 'expected' : show(a.value)}`
    case 'regex':
      return `${not}regex /${clip(a.pattern, 40)}/${a.flags ?? ''}`
    case 'json-schema':
      return `${not}json-schema`
    case 'llm-rubric':
      return `${not}rubric: ${clip(a.rubric, 50)}`
    case 'javascript':
      return `${not}javascript: ${clip(a.code.replace(/\s+/g, ' '), 40)}`
    case 'score':
      return `${not}${a.score}${a.min !== undefined ? ` ≥ ${a.min}` : ''}${a.max !== undefined ? ` ≤ ${a.max}` : ''}`
  }
}

/** Runs one assertion; `not` turns a pass into a failure and back (a skipped check stays skipped). */
export async function runAssertion(a: Assertion, ctx: AssertionContext): Promise<AssertionResult> {
  const check = CHECKS[a.type] as Check
  let r: Awaited<ReturnType<Check>>
  try {
    r = await check(a, ctx)
  } catch (err) {
    r = { pass: false, score: 0, reason: `the check failed: ${(err as Error).message}` }
  }
  const base = { name: assertionName(a), type: a.type }
  if (!a.not || r.pass === null) return { ...base, ...r }
  return {
    ...base,
    ...r,
    pass: !r.pass,
    score: r.score === null ? null : 1 - r.score,
    reason: `not: ${r.reason}`,
  }
}

/** Every assertion in order (LLM rubrics one after another, so a run's concurrency bounds the judge's too). */
export async function runAssertions(
  list: readonly Assertion[],
  ctx: AssertionContext,
): Promise<AssertionResult[]> {
  const out: AssertionResult[] = []
  for (const a of list) out.push(await runAssertion(a, ctx))
  return out
}

/** An output passes when no applicable assertion failed. */
export const allPassed = (results: readonly AssertionResult[]) => results.every((r) => r.pass !== false)
