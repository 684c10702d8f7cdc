import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOpenAICompatibleProvider } from '../../src/llm/index.js'
import { type FakeBehaviour, type FakeOpenAI, startFakeOpenAI } from '../../src/llm/testing/openai-server.js'
import { ENGINES } from '../support/engines.js'
import { ev } from '../support/events.js'
import { startTestServer, type TestServer } from '../support/server.js'
import { waitFor } from '../support/wait.js'

const RUBRIC = {
  relevance: 0.9, relevance_reason: 'It answers the question.', correctness: 0.7, correctness_reason: 'Mostly right.',
  helpfulness: 0.8, helpfulness_reason: 'Gives the next step.', clarity: 1, clarity_reason: 'Short and clear.',
  toxicity: 0, toxicity_reason: 'Polite.',
} // biome-ignore format: one answer

describe.each(ENGINES)('the LLM judge in the evaluation queue on $name', (engine) => {
  let s: TestServer
  let fake: FakeOpenAI
  /** What the endpoint does for requests about each trace (by a marker in its question). */
  const modes = new Map<string, FakeBehaviour[]>()
  beforeAll(async () => {
    fake = await startFakeOpenAI({
      retryAfterSeconds: 1,
      behaviour: (req) => {
        const text = JSON.stringify(req.messages)
        for (const [marker, plan] of modes)
          if (text.includes(marker)) return plan.length > 1 ? plan.shift()! : plan[0]!
        return 'ok'
      },
      reply: (req) =>
        JSON.stringify(req.response_format ?? '').includes('category')
          ? JSON.stringify({ category: 'billing', reason: 'asks about a charge' })
          : JSON.stringify(RUBRIC),
    })
    const provider = createOpenAICompatibleProvider({
      baseURL: fake.url,
      apiKey: 'test',
      defaultModel: 'gpt-4o-mini',
      timeoutMs: 1_000,
    })
    s = await startTestServer(engine, { provider })
    await s.call('PUT', '/api/v1/project/settings', {
      evaluation: { judge: { sampleRate: 1, evaluators: ['rubric', 'category'] }, maxAttempts: 2 },
    })
  })
  afterAll(async () => {
    await s?.close()
    await fake?.close()
  })

  const turn = (id: string, question: string) =>
    ev('trace-create', {
      id,
      input: question,
      output: 'You were charged once; the second line is a pending hold.',
    })
  const jobs = async (traceId: string) =>
    (await s.call('GET', `/api/v1/evaluations/jobs?traceId=${traceId}`)).body.data as {
      evaluator: string
      status: string
      lastError: string | null
      judgeCostUsd: number | null
      judgeInputTokens: number | null
      attempts: number
    }[]
  const settled = (traceId: string) =>
    waitFor(
      `jobs of ${traceId}`,
      async () => {
        const list = await jobs(traceId)
        return list.length === 3 && list.every((j) => j.status === 'done' || j.status === 'failed') && list
      },
      20_000,
    )

  it('runs by default when a real endpoint is configured, and records its scores, tokens and cost', async () => {
    await s.call('POST', '/api/v1/ingest', { batch: [turn('j-ok', 'Why was I charged twice? [ok]')] })
    const list = await settled('j-ok')
    const rubric = list.find((j) => j.evaluator === 'judge:rubric')!
    expect(rubric).toMatchObject({ status: 'done', attempts: 1 })
    expect(rubric.judgeInputTokens).toBeGreaterThan(0)
    expect(rubric.judgeCostUsd).toBeGreaterThan(0)
    const { scores } = (await s.call('GET', '/api/v1/traces/j-ok')).body
    const judge = Object.fromEntries(
      scores
        .filter((x: { source: string }) => x.source === 'judge')
        .map((x: { name: string; value: number; stringValue: string }) => [x.name, x.value ?? x.stringValue]),
    )
    expect(judge).toMatchObject({
      judge_relevance: 0.9,
      judge_toxicity: 0,
      judge_overall: 0.88,
      category: 'billing',
    })
    expect(scores.find((x: { name: string }) => x.name === 'judge_relevance').comment).toBe(
      'It answers the question.',
    )
  })

  it('stores a judge that never answers valid JSON as a failed evaluation with its reason, never a score', async () => {
    modes.set('[garbage]', ['malformed-json'])
    await s.call('POST', '/api/v1/ingest', { batch: [turn('j-bad', 'Why was I charged twice? [garbage]')] })
    const list = await settled('j-bad')
    const rubric = list.find((j) => j.evaluator === 'judge:rubric')!
    expect(rubric.status).toBe('failed')
    expect(rubric.attempts).toBe(2)
    expect(rubric.lastError).toMatch(/JSON/)
    expect(rubric.judgeCostUsd).toBeGreaterThan(0)
    const { scores } = (await s.call('GET', '/api/v1/traces/j-bad')).body
    expect(scores.filter((x: { source: string }) => x.source === 'judge')).toEqual([])
    expect(scores.some((x: { name: string }) => x.name === 'quality')).toBe(true)
  })

  it('waits out a rate limit and then scores', async () => {
    modes.set('[busy]', ['rate-limit', 'ok'])
    await s.call('POST', '/api/v1/ingest', { batch: [turn('j-429', 'Why was I charged twice? [busy]')] })
    const list = await settled('j-429')
    expect(list.every((j) => j.status === 'done')).toBe(true)
  })

  it('stores an endpoint that times out as a failed evaluation naming the timeout, and keeps the heuristics', async () => {
    modes.set('[hang]', ['timeout'])
    await s.call('POST', '/api/v1/ingest', { batch: [turn('j-hang', 'Why was I charged twice? [hang]')] })
    const list = await settled('j-hang')
    const rubric = list.find((j) => j.evaluator === 'judge:rubric')!
    expect(rubric).toMatchObject({ status: 'failed', attempts: 2 })
    expect(rubric.lastError).toMatch(/time/i)
    const { scores } = (await s.call('GET', '/api/v1/traces/j-hang')).body
    expect(scores.filter((x: { source: string }) => x.source === 'judge')).toEqual([])
    expect(scores.some((x: { name: string }) => x.name === 'quality')).toBe(true)
  })

  it('retries a judge call that timed out and then scores', async () => {
    modes.set('[slow]', ['timeout', 'ok'])
    await s.call('POST', '/api/v1/ingest', { batch: [turn('j-slow', 'Why was I charged twice? [slow]')] })
    const list = await settled('j-slow')
    expect(list.every((j) => j.status === 'done')).toBe(true)
    const { scores } = (await s.call('GET', '/api/v1/traces/j-slow')).body
    expect(scores.some((x: { name: string }) => x.name === 'judge_overall')).toBe(true)
  })
})
