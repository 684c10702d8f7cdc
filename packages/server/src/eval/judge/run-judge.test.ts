import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createOpenAICompatibleProvider } from '../../llm/openai-compatible.js'
import { computeCostUsd } from '../../llm/pricing.js'
import { type FakeOpenAIOptions, startFakeOpenAI } from '../../llm/testing/openai-server.js'
import { rubricJudge } from './rubric.js'
import { type JudgeOptions, runJudge } from './run-judge.js'

const INPUT = {
  query: 'How do I reset my password?',
  response: 'Click "Forgot password?" on the sign-in page.',
}
const GRADE = {
  relevance: 0.9,
  relevance_reason: 'It answers the question asked.',
  correctness: 0.8,
  correctness_reason: 'The steps match the usual flow.',
  helpfulness: 0.7,
  helpfulness_reason: 'It names the exact link.',
  clarity: 1,
  clarity_reason: 'One short sentence.',
  toxicity: 0,
  toxicity_reason: 'Polite.',
}
const valid = () => JSON.stringify(GRADE)

let close: (() => Promise<void>) | undefined
afterEach(async () => {
  await close?.()
  close = undefined
})

async function setup(fakeOptions: FakeOpenAIOptions, providerOptions: { supportsJsonSchema?: boolean } = {}) {
  const fake = await startFakeOpenAI(fakeOptions)
  close = fake.close
  const provider = createOpenAICompatibleProvider({
    baseURL: fake.url,
    defaultModel: 'gpt-4o-mini',
    ...providerOptions,
  })
  const judge = (options: Partial<JudgeOptions> = {}) =>
    runJudge(rubricJudge, INPUT, { provider, random: () => 0.5, ...options })
  return { fake, judge }
}

describe('runJudge against an OpenAI-compatible endpoint', () => {
  it('turns a valid answer into scores with the reasons as comments, and reports usage and cost', async () => {
    const { fake, judge } = await setup({ reply: valid })
    const result = await judge()
    expect(result).toMatchObject({
      ok: true,
      attempts: 1,
      model: 'gpt-4o-mini',
      provider: 'openai-compatible',
      simulated: false,
    })
    if (!result.ok) return
    expect(result.scores.find((s) => s.name === 'judge_relevance')).toEqual({
      name: 'judge_relevance',
      value: 0.9,
      comment: 'It answers the question asked.',
    })
    expect(result.usage.inputTokens).toBeGreaterThan(0)
    expect(result.usage.estimated).toBe(false)
    expect(result.costUsd).toBe(computeCostUsd('gpt-4o-mini', result.usage))
    expect(fake.requests[0]?.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'judge-rubric' },
    })
    expect(fake.requests[0]?.temperature).toBe(0)
  })

  it('asks for json_object when the endpoint does not support JSON schemas', async () => {
    const { fake, judge } = await setup({ reply: valid }, { supportsJsonSchema: false })
    expect((await judge()).ok).toBe(true)
    expect(fake.requests[0]?.response_format).toEqual({ type: 'json_object' })
  })

  it('retries malformed JSON with a correction and succeeds, counting both attempts', async () => {
    const { fake, judge } = await setup({
      reply: valid,
      behaviour: (_, n) => (n === 0 ? 'malformed-json' : 'ok'),
    })
    const result = await judge()
    expect(result).toMatchObject({ ok: true, attempts: 2 })
    // The endpoint's own usage of the malformed attempt is counted, not an estimate.
    expect(result.usage.estimated).toBe(false)
    const retry = fake.requests[1]?.messages ?? []
    expect(retry.at(-1)).toMatchObject({
      role: 'user',
      content: expect.stringContaining('could not be used'),
    })
    expect(result.costUsd).toBeGreaterThan(0)
  })

  it('fails with the reason and no score when the answer is never valid JSON', async () => {
    const { fake, judge } = await setup({ behaviour: () => 'malformed-json' })
    const result = await judge({ maxAttempts: 3 })
    expect(result).toMatchObject({ ok: false, kind: 'invalid_output', attempts: 3 })
    expect(result).not.toHaveProperty('scores')
    if (result.ok) return
    expect(result.reason).toMatch(/no JSON object that parses.*after 3 attempts/)
    expect(result.usage.inputTokens).toBeGreaterThan(0)
    expect(result.costUsd).toBeGreaterThan(0)
    expect(fake.requests).toHaveLength(3)
  })

  it('rejects a score outside 0..1 instead of clamping it, and tells the model what was wrong', async () => {
    const { fake, judge } = await setup({ reply: () => JSON.stringify({ ...GRADE, relevance: 9 }) })
    const result = await judge({ maxAttempts: 2 })
    expect(result).toMatchObject({ ok: false, kind: 'invalid_output', attempts: 2 })
    if (result.ok) return
    expect(result.reason).toContain('relevance: Too big')
    expect(result.usage.estimated).toBe(false)
    expect(fake.requests[1]?.messages.at(-2)).toMatchObject({ role: 'assistant' })
    expect(fake.requests[1]?.messages.at(-1)?.content).toContain('relevance: Too big')
  })

  it('extracts JSON from prose and code fences when structured output is off', async () => {
    const { fake, judge } = await setup({
      reply: () => `My evaluation:\n\`\`\`json\n${valid()}\n\`\`\`\nThanks!`,
    })
    const result = await judge({ structuredOutput: 'none' })
    expect(result).toMatchObject({ ok: true, attempts: 1 })
    expect(fake.requests[0]).not.toHaveProperty('response_format')
  })

  it('waits for Retry-After after a 429 and then succeeds', async () => {
    const { fake, judge } = await setup({
      reply: valid,
      retryAfterSeconds: 0.2,
      behaviour: (_, n) => (n === 0 ? 'rate-limit' : 'ok'),
    })
    const waits: number[] = []
    const result = await judge({ onRetry: ({ waitMs }) => waits.push(waitMs) })
    expect(result).toMatchObject({ ok: true, attempts: 2 })
    expect(waits).toEqual([210])
    expect(fake.requests).toHaveLength(2)
  })

  it('gives up at once when Retry-After lies beyond the deadline', async () => {
    const { fake, judge } = await setup({ retryAfterSeconds: 60, behaviour: () => 'rate-limit' })
    const result = await judge({ deadlineMs: 5000 })
    expect(result).toMatchObject({ ok: false, kind: 'provider', attempts: 1 })
    if (!result.ok) expect(result.reason).toMatch(/rate_limit \(HTTP 429\).*would pass the 5000 ms deadline/)
    expect(fake.requests).toHaveLength(1)
  })

  it('fails as a timeout when the endpoint never answers', async () => {
    const { judge } = await setup({ behaviour: () => 'timeout' })
    const result = await judge({ attemptTimeoutMs: 150, maxAttempts: 2, random: () => 0 })
    expect(result).toMatchObject({ ok: false, kind: 'timeout', attempts: 2 })
    if (!result.ok) expect(result.usage.inputTokens).toBe(0)
  })

  it('stops at the overall deadline even when each call may take longer', async () => {
    const { judge } = await setup({ behaviour: () => 'timeout' })
    const result = await judge({ deadlineMs: 200 })
    expect(result).toMatchObject({ ok: false, kind: 'timeout', attempts: 1 })
  })

  it('retries a server error after a jittered backoff', async () => {
    const { fake, judge } = await setup({
      reply: valid,
      behaviour: (_, n) => (n === 0 ? 'server-error' : 'ok'),
    })
    const waits: number[] = []
    const result = await judge({ onRetry: ({ waitMs }) => waits.push(waitMs) })
    expect(result).toMatchObject({ ok: true, attempts: 2 })
    expect(waits).toEqual([250])
    expect(fake.requests).toHaveLength(2)
  })

  it('does not retry an error that another attempt cannot fix', async () => {
    // An endpoint that refuses the key: the one behaviour the shared fake server does not offer.
    const server = createServer((_, res) => {
      res.writeHead(401, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify({ error: { message: 'Incorrect API key provided', type: 'invalid_request_error' } }),
      )
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    close = () => new Promise<void>((resolve) => server.close(() => resolve()))
    const { port } = server.address() as AddressInfo
    const provider = createOpenAICompatibleProvider({ baseURL: `http://127.0.0.1:${port}/v1` })
    const result = await runJudge(rubricJudge, INPUT, { provider })
    expect(result).toMatchObject({ ok: false, kind: 'provider', attempts: 1, costUsd: 0 })
    if (!result.ok) expect(result.reason).toContain('auth (HTTP 401)')
  })
})
