import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOpenAICompatibleProvider, createSimulatedProvider } from '../../llm/index.js'
import { type FakeOpenAI, startFakeOpenAI } from '../../llm/testing/openai-server.js'
import { Assertion, type AssertionContext, allPassed, runAssertion } from './index.js'

const simulated = createSimulatedProvider()
const ctx = (output: string, extra: Partial<AssertionContext> = {}): AssertionContext => ({
  output,
  expected: null,
  input: 'q',
  query: 'How long does shipping take?',
  context: [],
  metadata: {},
  scores: {},
  judge: { provider: simulated },
  ...extra,
})
const check = (a: unknown, c: AssertionContext) => runAssertion(Assertion.parse(a), c)

describe('text assertions', () => {
  it('compares with the expected output when no value is given, and skips items without one', async () => {
    expect(await check({ type: 'equals' }, ctx(' Yes ', { expected: 'Yes' }))).toMatchObject({
      pass: true,
      name: 'equals expected',
    })
    expect(await check({ type: 'equals', ignoreCase: true }, ctx('YES', { expected: 'yes' }))).toMatchObject({
      pass: true,
    })
    expect(await check({ type: 'contains' }, ctx('anything'))).toMatchObject({ pass: null })
    expect(allPassed([await check({ type: 'contains' }, ctx('anything'))])).toBe(true)
  })

  it('compares JSON values structurally, whatever the key order or a code fence', async () => {
    const expected = { a: 1, b: [1, 2] }
    expect(
      await check({ type: 'equals' }, ctx('```json\n{"b": [1, 2], "a": 1}\n```', { expected })),
    ).toMatchObject({ pass: true })
    expect(await check({ type: 'equals' }, ctx('{"a": 2, "b": [1, 2]}', { expected }))).toMatchObject({
      pass: false,
    })
  })

  it('needs every string for contains, ignores case for icontains, and inverts with not', async () => {
    const out = 'Standard shipping takes 3–5 business days.'
    expect(await check({ type: 'contains', value: ['3–5', 'business days'] }, ctx(out))).toMatchObject({
      pass: true,
    })
    const missing = await check({ type: 'contains', value: ['3–5', 'express'] }, ctx(out))
    expect(missing).toMatchObject({ pass: false, reason: 'missing "express"' })
    expect(await check({ type: 'icontains', value: 'STANDARD SHIPPING' }, ctx(out))).toMatchObject({
      pass: true,
    })
    expect(await check({ type: 'contains', value: 'sorry', not: true }, ctx(out))).toMatchObject({
      pass: true,
      name: 'not contains "sorry"',
    })
  })

  it('matches regular expressions with flags', async () => {
    expect(
      await check(
        { type: 'regex', pattern: '\\d+[–-]\\d+ business days' },
        ctx('ships in 3–5 business days'),
      ),
    ).toMatchObject({ pass: true })
    expect(await check({ type: 'regex', pattern: '^ships', flags: 'i' }, ctx('Ships soon'))).toMatchObject({
      pass: true,
    })
  })

  it('validates JSON output against a JSON Schema and names the failing field', async () => {
    const schema = {
      type: 'object',
      required: ['intent', 'confidence'],
      properties: { intent: { enum: ['refund', 'other'] }, confidence: { type: 'number', maximum: 1 } },
    }
    expect(
      await check({ type: 'json-schema', schema }, ctx('{"intent": "refund", "confidence": 0.9}')),
    ).toMatchObject({ pass: true })
    const bad = await check({ type: 'json-schema', schema }, ctx('{"intent": "refund", "confidence": 3}'))
    expect(bad.pass).toBe(false)
    expect(bad.reason).toMatch(/^confidence:/)
    expect((await check({ type: 'json-schema', schema }, ctx('not json'))).reason).toMatch(/not JSON/)
  })

  it('refuses unusable definitions at the edge, naming the field', () => {
    const issue = (a: unknown) => Assertion.safeParse(a).error?.issues[0]?.path.join('.')
    expect(issue({ type: 'regex', pattern: '(' })).toBe('pattern')
    expect(issue({ type: 'json-schema', schema: { type: 'bogus' } })).toBe('schema')
    expect(issue({ type: 'llm-rubric', rubric: 'Is it polite?', scale: 'categories' })).toBe('categories')
    expect(issue({ type: 'llm-rubric', rubric: 'Is it polite?', pass: ['maybe'] })).toBe('pass.0')
    expect(issue({ type: 'javascript', code: 'return (' })).toBe('code')
    expect(issue({ type: 'nope' })).toBe('type')
  })

  it('checks evaluator scores against bounds', async () => {
    const c = ctx('x', { scores: { quality: 0.82 } })
    expect(await check({ type: 'score', score: 'quality', min: 0.8 }, c)).toMatchObject({
      pass: true,
      name: 'quality ≥ 0.8',
    })
    expect(await check({ type: 'score', score: 'toxicity', max: 0.1 }, c)).toMatchObject({ pass: false })
  })
})

describe('JavaScript assertions', () => {
  it('passes on true, on a score of at least 0.5, or on { pass }', async () => {
    const c = ctx('Refunds take 5–7 business days.', { expected: '5–7' })
    expect(await check({ type: 'javascript', code: 'output.includes(expected)' }, c)).toMatchObject({
      pass: true,
    })
    expect(await check({ type: 'javascript', code: 'output.length / 1000' }, c)).toMatchObject({
      pass: false,
      score: 0.031,
    })
    const detailed = await check(
      { type: 'javascript', code: 'return { pass: false, score: 0.2, reason: "too short" }' },
      c,
    )
    expect(detailed).toMatchObject({ pass: false, score: 0.2, reason: 'too short' })
  })

  it('stops a check that runs too long and reports what it threw', async () => {
    const loop = await check({ type: 'javascript', code: 'while (true) {}', timeoutMs: 50 }, ctx('x'))
    expect(loop).toMatchObject({ pass: false })
    expect(loop.reason).toMatch(/timed out/)
    expect((await check({ type: 'javascript', code: 'throw new Error("nope")' }, ctx('x'))).reason).toMatch(
      /threw: nope/,
    )
    expect(
      (await check({ type: 'javascript', code: 'return Promise.resolve(true)' }, ctx('x'))).reason,
    ).toMatch(/synchronously/)
  })

  it('gives the check no host objects, no require and no process', async () => {
    const sandboxed = await check(
      { type: 'javascript', code: 'typeof require === "undefined" && typeof process === "undefined"' },
      ctx('x'),
    )
    expect(sandboxed.pass).toBe(true)
    const ctor = await check(
      { type: 'javascript', code: 'return output.constructor.constructor("return process")()' },
      ctx('x'),
    )
    expect(ctor.pass).toBe(false)
  })
})

describe('LLM rubric assertions', () => {
  let fake: FakeOpenAI
  beforeAll(async () => {
    fake = await startFakeOpenAI({
      reply: (req) => {
        const text = String(req.messages.at(-1)?.content)
        if (JSON.stringify(req.messages).includes('garbage')) return 'no json here'
        if (text.includes('Grade how well')) return JSON.stringify({ reason: 'Mostly right.', grade: 'D' })
        if (text.includes('Choose the one category'))
          return JSON.stringify({ reason: 'Asks for money back.', category: 'refund' })
        return JSON.stringify({ reason: 'It apologises politely.', verdict: text.includes('sorry') })
      },
    })
  })
  afterAll(() => fake.close())
  const judge = () => ({
    provider: createOpenAICompatibleProvider({
      baseURL: fake.url,
      apiKey: 'test',
      defaultModel: 'gpt-4o-mini',
    }),
  })

  it('asks the judge a yes/no question with the criterion, the query and the response', async () => {
    const r = await check(
      { type: 'llm-rubric', rubric: 'Does the answer apologise?' },
      ctx('We are sorry for the delay.', { judge: judge() }),
    )
    expect(r).toMatchObject({ pass: true, score: 1, reason: 'yes: It apologises politely.' })
    expect(r.judge).toMatchObject({ simulated: false })
    const sent = JSON.stringify(fake.requests.at(-1))
    expect(sent).toContain('Does the answer apologise?')
    expect(sent).toContain('We are sorry for the delay.')
  })

  it('grades A–E and passes A to C by default', async () => {
    const r = await check(
      { type: 'llm-rubric', rubric: 'Is it complete?', scale: 'grade' },
      ctx('x', { judge: judge() }),
    )
    expect(r).toMatchObject({ pass: false, score: 0.25 })
    const lenient = await check(
      { type: 'llm-rubric', rubric: 'Is it complete?', scale: 'grade', pass: ['A', 'B', 'C', 'D'] },
      ctx('x', { judge: judge() }),
    )
    expect(lenient.pass).toBe(true)
  })

  it('picks a category and passes the listed ones', async () => {
    const a = {
      type: 'llm-rubric',
      rubric: 'What does the user want?',
      scale: 'categories',
      categories: ['question', 'refund'],
      pass: ['refund'],
    }
    expect(await check(a, ctx('x', { judge: judge() }))).toMatchObject({
      pass: true,
      reason: 'refund: Asks for money back.',
    })
  })

  it('fails the check when the judge gives no usable answer, with the reason', async () => {
    const r = await check({ type: 'llm-rubric', rubric: 'garbage please' }, ctx('x', { judge: judge() }))
    expect(r.pass).toBe(false)
    expect(r.score).toBeNull()
    expect(r.reason).toMatch(/could not be judged \(invalid_output\)/)
  })

  it('runs on the simulated judge, labelled as simulated', async () => {
    const r = await check(
      { type: 'llm-rubric', rubric: 'Does it answer how long shipping takes?' },
      ctx('Standard shipping takes 3–5 business days.'),
    )
    expect(r.pass).toBe(true)
    expect(r.judge?.simulated).toBe(true)
  })
})
