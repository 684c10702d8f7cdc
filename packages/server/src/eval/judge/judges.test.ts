import { afterEach, describe, expect, it } from 'vitest'
import { createOpenAICompatibleProvider } from '../../llm/openai-compatible.js'
import { type FakeOpenAI, startFakeOpenAI } from '../../llm/testing/openai-server.js'
import { createJudgeEvaluator, type JudgeKind } from './judge-evaluator.js'
import { JudgeFailure } from './result.js'
import { DEFAULT_RUBRIC_TEMPLATE } from './rubric.js'
import { JudgeTemplateError } from './template.js'

const INPUT = {
  query: 'Why was I charged twice this month?',
  response: 'A duplicate charge is refunded within 5 days.',
}
const RUBRIC = {
  relevance: 1,
  relevance_reason: 'On point.',
  correctness: 0.5,
  correctness_reason: 'Unverified refund time.',
  helpfulness: 0.75,
  helpfulness_reason: 'Gives a time frame.',
  clarity: 1,
  clarity_reason: 'Clear.',
  toxicity: 0.25,
  toxicity_reason: 'A little curt.',
}

let fake: FakeOpenAI | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

async function evaluatorFor(kind: JudgeKind, reply: () => unknown, template?: string) {
  fake = await startFakeOpenAI({ reply: () => JSON.stringify(reply()) })
  const provider = createOpenAICompatibleProvider({ baseURL: fake.url, defaultModel: 'gpt-4o-mini' })
  return createJudgeEvaluator(kind, { provider, maxAttempts: 2, ...(template && { template }) })
}

describe('judge evaluators', () => {
  it('computes overall itself as the mean with toxicity inverted, ignoring an overall the model sends', async () => {
    const rubric = await evaluatorFor('rubric', () => ({ ...RUBRIC, overall: 1 }))
    const scores = await rubric.evaluate(INPUT)
    expect(scores.map((s) => s.name)).toEqual([
      'judge_relevance',
      'judge_correctness',
      'judge_helpfulness',
      'judge_clarity',
      'judge_toxicity',
      'judge_overall',
    ])
    expect(scores.find((s) => s.name === 'judge_overall')?.value).toBe(0.8)
    expect(scores[0]?.details?.judge).toMatchObject({ model: 'gpt-4o-mini', simulated: false, attempts: 1 })
    expect(scores[0]?.details?.judge).toHaveProperty('usage.inputTokens')
    expect(scores[1]?.details?.judge).not.toHaveProperty('usage')
    expect(rubric).toMatchObject({ name: 'judge-rubric', version: '1.0.0', kind: 'judge' })
  })

  it('reads the query category as a categorical score with its reason', async () => {
    const category = await evaluatorFor('category', () => ({
      category: 'billing',
      reason: 'A question about a charge.',
    }))
    const scores = await category.evaluate(INPUT)
    expect(scores).toEqual([
      expect.objectContaining({
        name: 'category',
        value: null,
        stringValue: 'billing',
        comment: 'A question about a charge.',
      }),
    ])
    expect(fake?.requests[0]?.response_format).toMatchObject({
      json_schema: {
        schema: {
          properties: { category: { enum: ['product', 'support', 'billing', 'general', 'off_topic'] } },
        },
      },
    })
  })

  it('throws a JudgeFailure with the reason, attempts and cost for a category outside the list', async () => {
    const category = await evaluatorFor('category', () => ({ category: 'refunds', reason: 'Money back.' }))
    const failure = category.evaluate(INPUT)
    await expect(failure).rejects.toBeInstanceOf(JudgeFailure)
    await expect(failure).rejects.toMatchObject({
      kind: 'invalid_output',
      code: 'judge_failed',
      reason: expect.stringContaining('category: Invalid option'),
      attempts: 2,
      costUsd: expect.any(Number),
      result: { ok: false, model: 'gpt-4o-mini', usage: { inputTokens: expect.any(Number) } },
    })
  })

  it('skips groundedness without context: no call, no score, no failure', async () => {
    const groundedness = await evaluatorFor('groundedness', () => ({}))
    const result = await groundedness.judge(INPUT)
    expect(result).toMatchObject({
      ok: true,
      scores: [],
      attempts: 0,
      costUsd: 0,
      skipped: expect.stringContaining('no context'),
    })
    expect(await groundedness.evaluate({ ...INPUT, context: ['  '] })).toEqual([])
    expect(fake?.requests).toHaveLength(0)
  })

  it('scores groundedness against the context and lists the unsupported claims', async () => {
    const groundedness = await evaluatorFor('groundedness', () => ({
      groundedness: 0.5,
      unsupported_claims: ['refunded within 5 days'],
      reason: 'The context gives no refund time.',
    }))
    const scores = await groundedness.evaluate({
      ...INPUT,
      context: ['Duplicate charges are refunded automatically.'],
    })
    expect(scores[0]).toMatchObject({
      name: 'groundedness',
      value: 0.5,
      details: { unsupportedClaims: ['refunded within 5 days'], hallucination: 0.5 },
    })
    expect(fake?.requests[0]?.messages[1]?.content).toContain('Duplicate charges are refunded automatically.')
  })

  it('uses an edited rubric and versions it apart from the default', async () => {
    const template = `${DEFAULT_RUBRIC_TEMPLATE}\nBe especially strict about refund promises.`
    const rubric = await evaluatorFor('rubric', () => RUBRIC, template)
    expect(rubric.version).toMatch(/^1\.0\.0\+rubric\.[0-9a-f]{8}$/)
    await rubric.evaluate(INPUT)
    expect(fake?.requests[0]?.messages[1]?.content).toContain('Be especially strict about refund promises.')
  })

  it('refuses a rubric with a misspelt placeholder when it is created', async () => {
    await expect(
      evaluatorFor('rubric', () => RUBRIC, 'Rate {{responce}} to {{query}}'),
    ).rejects.toBeInstanceOf(JudgeTemplateError)
  })
})
