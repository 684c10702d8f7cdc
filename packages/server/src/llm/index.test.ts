import { afterEach, describe, expect, it } from 'vitest'
import { createProvider, llmConfigFromEnv } from './index.js'
import { type FakeOpenAI, startFakeOpenAI } from './testing/openai-server.js'

let fake: FakeOpenAI | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

describe('llmConfigFromEnv', () => {
  it('reads the CHATLENS_LLM_* variables', () => {
    const env = {
      CHATLENS_LLM_BASE_URL: 'http://localhost:11434/v1',
      CHATLENS_LLM_API_KEY: 'k',
      CHATLENS_LLM_MODEL: 'llama3.1',
      CHATLENS_LLM_TIMEOUT_MS: '5000',
      CHATLENS_LLM_STREAM: 'true',
    }
    expect(llmConfigFromEnv(env)).toEqual({
      baseURL: 'http://localhost:11434/v1',
      apiKey: 'k',
      model: 'llama3.1',
      timeoutMs: 5000,
      stream: true,
    })
  })

  it('falls back to OPENAI_API_KEY and OPENAI_BASE_URL, preferring the CHATLENS_ names', () => {
    expect(llmConfigFromEnv({ OPENAI_API_KEY: 'sk-1', OPENAI_BASE_URL: 'https://example.test/v1' })).toEqual({
      apiKey: 'sk-1',
      baseURL: 'https://example.test/v1',
    })
    expect(llmConfigFromEnv({ OPENAI_API_KEY: 'sk-1', CHATLENS_LLM_API_KEY: 'mine' }).apiKey).toBe('mine')
  })

  it('ignores empty variables and rejects a malformed base URL', () => {
    expect(llmConfigFromEnv({ CHATLENS_LLM_API_KEY: '  ' })).toEqual({})
    expect(() => llmConfigFromEnv({ CHATLENS_LLM_BASE_URL: 'not a url' })).toThrow()
  })
})

describe('createProvider', () => {
  it('chooses the simulated provider when nothing is configured', () => {
    expect(createProvider({})).toMatchObject({ name: 'simulated', simulated: true })
  })

  it('chooses the simulated provider when asked to, even with a key present', () => {
    expect(createProvider({ provider: 'simulated', apiKey: 'sk-1' }).simulated).toBe(true)
  })

  it('chooses the openai-compatible provider when a base URL is configured, and uses it', async () => {
    fake = await startFakeOpenAI({ reply: () => 'hello from the endpoint' })
    const provider = createProvider({ baseURL: fake.url, model: 'llama3.1' })
    expect(provider).toMatchObject({ name: 'openai-compatible', simulated: false, defaultModel: 'llama3.1' })
    const result = await provider.chat({ messages: [{ role: 'user', content: 'hi' }] })
    expect(result.content).toBe('hello from the endpoint')
    expect(result.costUsd).toBeNull() // a local model has no price
    expect(fake.requests[0]?.model).toBe('llama3.1')
  })

  it('passes project price overrides to the provider', async () => {
    fake = await startFakeOpenAI()
    const priceOverrides = [{ pattern: 'llama3.1', inputPerToken: 1e-6, outputPerToken: 1e-6 }]
    const provider = createProvider({ baseURL: fake.url, model: 'llama3.1' }, { priceOverrides })
    const result = await provider.chat({ messages: [{ role: 'user', content: 'hi' }] })
    expect(result.costUsd).toBeCloseTo((result.usage.inputTokens + result.usage.outputTokens) * 1e-6, 12)
  })
})
