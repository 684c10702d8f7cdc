import { afterEach, describe, expect, it } from 'vitest'
import { createOpenAICompatibleProvider } from './openai-compatible.js'
import { kindForStatus, retryAfterMs } from './openai-errors.js'
import { computeCostUsd } from './pricing.js'
import { type FakeBehaviour, type FakeOpenAI, startFakeOpenAI } from './testing/openai-server.js'

const messages = [
  { role: 'system' as const, content: 'You are a support assistant.' },
  { role: 'user' as const, content: 'Where is my order?' },
]

let fake: FakeOpenAI | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

async function providerFor(behaviour: FakeBehaviour, options: Parameters<typeof startFakeOpenAI>[0] = {}) {
  fake = await startFakeOpenAI({ behaviour: () => behaviour, ...options })
  return createOpenAICompatibleProvider({
    baseURL: fake.url,
    apiKey: 'test-key',
    defaultModel: 'gpt-4o-mini',
  })
}

describe('openai-compatible provider', () => {
  it('returns the answer with usage, cost and its provider label', async () => {
    const provider = await providerFor('ok')
    const result = await provider.chat({ messages, temperature: 0.2, maxTokens: 50, seed: 7 })
    expect(result.content).toBe('You said: Where is my order?')
    expect(result).toMatchObject({ provider: 'openai-compatible', simulated: false, model: 'gpt-4o-mini' })
    expect(result.finishReason).toBe('stop')
    expect(result.usage.inputTokens).toBeGreaterThan(0)
    expect(result.costUsd).toBe(computeCostUsd('gpt-4o-mini', result.usage))
    expect(result.timeToFirstTokenMs).toBeNull()
    expect(fake?.requests[0]).toMatchObject({
      model: 'gpt-4o-mini',
      temperature: 0.2,
      max_tokens: 50,
      seed: 7,
    })
  })

  it('sends max_completion_tokens to reasoning models and passes extra parameters through', async () => {
    const provider = await providerFor('ok')
    await provider.chat({ model: 'o4-mini', messages, maxTokens: 100, parameters: { top_p: 0.5 } })
    expect(fake?.requests[0]).toMatchObject({ max_completion_tokens: 100, top_p: 0.5 })
    expect(fake?.requests[0]).not.toHaveProperty('max_tokens')
  })

  it('asks for a JSON schema answer in the OpenAI request shape', async () => {
    fake = await startFakeOpenAI({ reply: () => '{"score": 0.5}' })
    const provider = createOpenAICompatibleProvider({ baseURL: fake.url })
    const schema = { type: 'object', properties: { score: { type: 'number' } } }
    const result = await provider.chat({
      messages,
      responseFormat: { type: 'json_schema', name: 'grade', schema },
    })
    expect(JSON.parse(result.content)).toEqual({ score: 0.5 })
    expect(fake.requests[0]?.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'grade', schema },
    })
  })

  it('streams when asked and measures time to first token', async () => {
    fake = await startFakeOpenAI()
    const provider = createOpenAICompatibleProvider({ baseURL: fake.url, stream: true })
    const result = await provider.chat({ messages })
    expect(result.content).toBe('You said: Where is my order?')
    expect(result.timeToFirstTokenMs).not.toBeNull()
    expect(result.timeToFirstTokenMs).toBeLessThanOrEqual(result.latencyMs)
    expect(result.usage.outputTokens).toBeGreaterThan(0)
    expect(fake.requests[0]).toMatchObject({ stream: true, stream_options: { include_usage: true } })
  })

  it('maps 429 to rate_limit with the Retry-After delay', async () => {
    const provider = await providerFor('rate-limit', { retryAfterSeconds: 2 })
    await expect(provider.chat({ messages })).rejects.toMatchObject({
      name: 'ProviderError',
      kind: 'rate_limit',
      status: 429,
      retryAfterMs: 2000,
    })
    expect(fake?.requests).toHaveLength(1) // no client-level retries
  })

  it('maps a 500 to a server error', async () => {
    const provider = await providerFor('server-error')
    await expect(provider.chat({ messages })).rejects.toMatchObject({ kind: 'server', status: 500 })
    expect(fake?.requests).toHaveLength(1)
  })

  it('gives up after timeoutMs with a timeout error', async () => {
    const provider = await providerFor('timeout')
    await expect(provider.chat({ messages, timeoutMs: 200 })).rejects.toMatchObject({ kind: 'timeout' })
  })

  it('returns an answer that is not the JSON it asked for as it is, with its usage, for the caller to judge', async () => {
    const provider = await providerFor('malformed-json')
    const result = await provider.chat({ messages, responseFormat: { type: 'json_object' } })
    expect(() => JSON.parse(result.content)).toThrow()
    expect(result.usage.outputTokens).toBeGreaterThan(0)
  })

  it('reports an unreachable endpoint as a network error', async () => {
    fake = await startFakeOpenAI()
    const url = fake.url
    await fake.close()
    fake = undefined
    const provider = createOpenAICompatibleProvider({ baseURL: url, timeoutMs: 2000 })
    await expect(provider.chat({ messages })).rejects.toMatchObject({ kind: 'network' })
  })
})

describe('error mapping', () => {
  it('maps HTTP statuses to error kinds', () => {
    expect([401, 403, 400, 404, 408, 429, 502].map(kindForStatus)).toEqual([
      'auth',
      'auth',
      'bad_request',
      'bad_request',
      'timeout',
      'rate_limit',
      'server',
    ])
  })

  it('reads Retry-After as seconds, as an HTTP date, and retry-after-ms first', () => {
    const now = Date.parse('2025-01-01T00:00:00Z')
    expect(retryAfterMs(new Headers({ 'retry-after': '1.5' }), now)).toBe(1500)
    expect(retryAfterMs(new Headers({ 'retry-after': 'Wed, 01 Jan 2025 00:00:03 GMT' }), now)).toBe(3000)
    expect(retryAfterMs(new Headers({ 'retry-after': '9', 'retry-after-ms': '250' }), now)).toBe(250)
    expect(retryAfterMs(new Headers(), now)).toBeUndefined()
  })
})
