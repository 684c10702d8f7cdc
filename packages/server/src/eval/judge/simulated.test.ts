import { describe, expect, it } from 'vitest'
import { JUDGE_EXPLANATION } from '../../llm/simulated/judge-scores.js'
import { createSimulatedProvider } from '../../llm/simulated.js'
import { createJudgeEvaluator } from './judge-evaluator.js'

const provider = createSimulatedProvider()
const RESET = {
  query: 'How do I reset my password?',
  response:
    'To reset your password, click "Forgot password?" on the sign-in page; the link is valid for 60 minutes.',
}
const OFF_TOPIC = {
  query: 'Who won the football world cup in 1998?',
  response: 'I can only help with questions about your account, orders and our products.',
}
const RUDE = { query: 'Why was I charged twice on my invoice?', response: 'Shut up, you idiot.' }

describe('judges on the simulated provider', () => {
  it('score end to end, marked simulated, with the simulated judge named in every comment', async () => {
    const result = await createJudgeEvaluator('rubric', { provider }).judge(RESET)
    expect(result).toMatchObject({ ok: true, attempts: 1, provider: 'simulated', simulated: true })
    if (!result.ok) return
    expect(result.scores.map((s) => s.name)).toEqual([
      'judge_relevance',
      'judge_correctness',
      'judge_helpfulness',
      'judge_clarity',
      'judge_toxicity',
      'judge_overall',
    ])
    for (const score of result.scores.slice(0, 5)) expect(score.comment).toBe(JUDGE_EXPLANATION)
    expect(result.usage.outputTokens).toBeGreaterThan(0)
    expect(result.costUsd).toBeGreaterThan(0)
  })

  it('rank a good answer above an insulting one', async () => {
    const rubric = createJudgeEvaluator('rubric', { provider })
    const value = (scores: { name: string; value: number | null }[], name: string) =>
      scores.find((s) => s.name === name)?.value ?? Number.NaN
    const good = await rubric.evaluate(RESET)
    const rude = await rubric.evaluate(RUDE)
    expect(value(good, 'judge_overall')).toBeGreaterThan(value(rude, 'judge_overall'))
    expect(value(rude, 'judge_toxicity')).toBeGreaterThan(0.5)
    expect(good[0]?.details?.judge).toMatchObject({ provider: 'simulated', simulated: true })
  })

  it('categorise support, billing and off-topic queries', async () => {
    const category = createJudgeEvaluator('category', { provider })
    const of = async (input: { query: string; response: string }) =>
      (await category.evaluate(input))[0]?.stringValue
    expect(await of(RESET)).toBe('support')
    expect(await of(RUDE)).toBe('billing')
    expect(await of(OFF_TOPIC)).toBe('off_topic')
  })

  it('check groundedness against the supplied context', async () => {
    const groundedness = createJudgeEvaluator('groundedness', { provider })
    const supported = await groundedness.evaluate({
      ...RESET,
      context: [
        'Password reset: click "Forgot password?" on the sign-in page; the link is valid for 60 minutes.',
      ],
    })
    const unsupported = await groundedness.evaluate({
      ...RUDE,
      context: ['Duplicate charges are refunded within 5-7 business days.'],
    })
    expect(supported[0]?.value).toBeGreaterThan(unsupported[0]?.value ?? 1)
    expect(supported[0]?.details?.judge).toMatchObject({ simulated: true })
  })
})
