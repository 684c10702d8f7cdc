import { describe, expect, it } from 'vitest'
import { createSimulatedProvider } from '../simulated.js'
import { extractJudgeInput } from './judge-input.js'
import { judgeScores } from './judge-scores.js'

const GOOD =
  'To reset your password, click "Forgot password?" on the sign-in page; the link is valid for 60 minutes.'
const VAGUE =
  'Thanks for reaching out! I would be happy to help with that. Could you share a few more details?'

const GRADE_SCHEMA = {
  type: 'object',
  properties: {
    relevance: { type: 'number', minimum: 0, maximum: 1 },
    helpfulness: { type: 'integer', minimum: 1, maximum: 5 },
    toxicity: { type: 'number' },
    category: { type: 'string', enum: ['product', 'support', 'billing', 'general', 'off_topic'] },
    hallucinated: { type: 'boolean' },
    reasoning: { type: 'string' },
  },
  required: ['relevance', 'helpfulness', 'toxicity', 'category', 'hallucinated', 'reasoning'],
}

describe('extractJudgeInput', () => {
  it('reads labelled sections', () => {
    const text =
      'Rate the answer.\n\nQuery: How do I reset my password?\nResponse: Click "Forgot password?".\nCriteria: be strict'
    expect(extractJudgeInput(text)).toEqual({
      query: 'How do I reset my password?',
      response: 'Click "Forgot password?".',
      context: null,
    })
  })

  it('reads tagged sections, including multi-line ones', () => {
    const text =
      '<question>Where is\nmy order?</question><answer>On the Orders page.</answer><context>Orders page</context>'
    expect(extractJudgeInput(text)).toEqual({
      query: 'Where is\nmy order?',
      response: 'On the Orders page.',
      context: 'Orders page',
    })
  })
})

describe('simulated judge', () => {
  it('scores an on-topic, specific answer above a vague one', () => {
    const good = judgeScores({ query: 'How do I reset my password?', response: GOOD, context: null })
    const vague = judgeScores({ query: 'How do I reset my password?', response: VAGUE, context: null })
    expect(good.relevance).toBeGreaterThan(vague.relevance + 0.3)
    expect(good.helpfulness).toBeGreaterThan(vague.helpfulness)
    expect(good.category).toBe('support')
  })

  it('flags an insulting response as toxic and an unsupported one as hallucinated', () => {
    expect(
      judgeScores({ query: 'hi', response: 'Shut up, you idiot.', context: null }).toxicity,
    ).toBeGreaterThan(0.5)
    const unsupported = judgeScores({
      query: 'How long do refunds take?',
      response: 'Refunds take 90 days and cost $40.',
      context: 'Refunds reach the original payment method within 5-7 business days.',
    })
    expect(unsupported.hallucination).toBeGreaterThan(0.5)
  })

  it('answers a json_schema request with JSON that fits the schema and says it is simulated', async () => {
    const provider = createSimulatedProvider()
    const result = await provider.chat({
      messages: [
        { role: 'system', content: 'You are an evaluator. Grade the response.' },
        { role: 'user', content: `Query: How do I reset my password?\nResponse: ${GOOD}` },
      ],
      responseFormat: { type: 'json_schema', name: 'grade', schema: GRADE_SCHEMA },
    })
    const grade = JSON.parse(result.content)
    expect(Object.keys(grade).sort()).toEqual([...GRADE_SCHEMA.required].sort())
    expect(grade.relevance).toBeGreaterThanOrEqual(0)
    expect(grade.relevance).toBeLessThanOrEqual(1)
    expect(Number.isInteger(grade.helpfulness)).toBe(true)
    expect(grade.helpfulness).toBeGreaterThanOrEqual(1)
    expect(grade.helpfulness).toBeLessThanOrEqual(5)
    expect(GRADE_SCHEMA.properties.category.enum).toContain(grade.category)
    expect(typeof grade.hallucinated).toBe('boolean')
    expect(grade.reasoning).toMatch(/^Simulated judge/)
    expect(result.simulated).toBe(true)
  })

  it('answers a json_object request with the scores the prompt names', async () => {
    const result = await createSimulatedProvider().chat({
      messages: [
        { role: 'system', content: 'Score relevance and toxicity from 0 to 1. Reply in JSON.' },
        { role: 'user', content: `<query>How do I reset my password?</query><response>${GOOD}</response>` },
      ],
      responseFormat: { type: 'json_object' },
    })
    expect(Object.keys(JSON.parse(result.content)).sort()).toEqual(['reasoning', 'relevance', 'toxicity'])
  })

  it('acts as the judge when a system prompt asks for a JSON evaluation without responseFormat', async () => {
    const result = await createSimulatedProvider().chat({
      messages: [
        { role: 'system', content: 'Evaluate the helpfulness of the answer. Respond with JSON only.' },
        { role: 'user', content: `Question: How do I reset my password?\nAnswer: ${GOOD}` },
      ],
    })
    expect(JSON.parse(result.content)).toHaveProperty('helpfulness')
  })
})

describe('simulated judge prompt reading', () => {
  it('reads the graded material from the user turn, not from labels in the system prompt', async () => {
    const result = await createSimulatedProvider().chat({
      messages: [
        { role: 'system', content: 'Grade the answer.\nOutput: a JSON object with relevance.' },
        { role: 'user', content: `Question: How do I reset my password?\nAnswer: ${GOOD}` },
      ],
      responseFormat: { type: 'json_object' },
    })
    expect(JSON.parse(result.content).relevance).toBeGreaterThan(0.8)
  })
})
