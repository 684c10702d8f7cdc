import { z } from 'zod'
import { type JudgeDefinition, runJudge } from '../../eval/judge/index.js'
import { OPTIONAL_CONTEXT, QUERY_AND_RESPONSE } from '../../eval/judge/template.js'
import { type Assertion, GRADES } from './schemas.js'
import { type Check, clip } from './types.js'

type RubricAssertion = Extract<Assertion, { type: 'llm-rubric' }>

const Reason = z.string().trim().min(1).max(2000)
/** Grade letters as scores: A is best. */
const GRADE_SCORE: Record<string, number> = { A: 1, B: 0.75, C: 0.5, D: 0.25, E: 0 }
const DEFAULT_PASSING_GRADES = ['A', 'B', 'C']

const INSTRUCTIONS = {
  'yes-no': 'Answer with verdict true when the response meets the criterion, false when it does not.',
  grade:
    'Grade how well the response meets the criterion: A excellent, B good, C acceptable, D poor, E fails it.',
  categories: 'Choose the one category that best describes the response with respect to the criterion.',
} as const

/** Text placed into a judge template verbatim: no placeholder or tag of ours may survive in it. */
const literal = (s: string) =>
  s.replace(/\{\{/g, '{ {').replace(/<\/?(query|response|context|history)>/gi, '')

function templateFor(a: RubricAssertion, expected: unknown): string {
  const reference =
    expected === null || expected === undefined
      ? ''
      : `A reference answer for comparison (it need not be matched word for word):\n<reference>\n${literal(
          typeof expected === 'string' ? expected : JSON.stringify(expected),
        )}\n</reference>\n\n`
  return `Judge one answer of a customer-facing chatbot against this criterion:

<criterion>
${literal(a.rubric)}
</criterion>

${INSTRUCTIONS[a.scale]}${a.scale === 'categories' ? ` Categories: ${a.categories!.join(', ')}.` : ''} Give a one-sentence reason first.

${reference}${OPTIONAL_CONTEXT}
${QUERY_AND_RESPONSE}`
}

type Verdict = { reason: string; verdict?: boolean; grade?: string; category?: string }

function definitionFor(a: RubricAssertion, template: string): JudgeDefinition<Verdict> {
  const output =
    a.scale === 'yes-no'
      ? z.object({ reason: Reason, verdict: z.boolean() })
      : a.scale === 'grade'
        ? z.object({ reason: Reason, grade: z.enum(GRADES) })
        : z.object({ reason: Reason, category: z.enum(a.categories as [string, ...string[]]) })
  return {
    name: 'assert-rubric',
    version: '1.0.0',
    needs: ['query', 'response', 'context'],
    requiredPlaceholders: ['response'],
    defaultTemplate: template,
    output: output as z.ZodType<Verdict>,
    toScores: (v) => [{ name: 'verdict', value: null, stringValue: answerOf(v), comment: v.reason }],
  }
}

const answerOf = (v: Verdict) =>
  v.verdict !== undefined ? (v.verdict ? 'yes' : 'no') : (v.grade ?? v.category ?? '')

function scoreOf(a: RubricAssertion, answer: string, pass: boolean): number {
  if (a.scale === 'grade') return GRADE_SCORE[answer] ?? 0
  return a.scale === 'yes-no' ? (answer === 'yes' ? 1 : 0) : pass ? 1 : 0
}

/**
 * Asks the judge (the same machinery, retries and validation as the evaluation judge) the
 * rubric's question. A judge that gives no usable answer fails the check, with the reason: a
 * gate must not pass on a question nobody answered.
 */
export const rubricCheck: Check<RubricAssertion> = async (a, ctx) => {
  const template = templateFor(a, ctx.expected)
  const result = await runJudge(
    definitionFor(a, template),
    { query: ctx.query, response: ctx.output, context: ctx.context },
    {
      provider: ctx.judge.provider,
      model: a.model ?? ctx.judge.model,
      ...(ctx.signal && { signal: ctx.signal }),
    },
  )
  const judge = { model: result.model, costUsd: result.costUsd, simulated: result.simulated }
  if (!result.ok)
    return {
      pass: false,
      score: null,
      reason: `could not be judged (${result.kind}): ${clip(result.reason, 200)}`,
      judge,
    }
  const s = result.scores[0]!
  const answer = s.stringValue ?? ''
  const passing =
    a.pass ??
    (a.scale === 'yes-no' ? ['yes'] : a.scale === 'grade' ? DEFAULT_PASSING_GRADES : [a.categories![0]!])
  const pass = passing.includes(answer)
  return { pass, score: scoreOf(a, answer, pass), reason: `${answer}: ${clip(s.comment, 300)}`, judge }
}
