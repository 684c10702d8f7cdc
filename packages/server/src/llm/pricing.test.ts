import { describe, expect, it } from 'vitest'
import type { PriceOverride } from '../model/project.js'
import { compileTable } from './price-table.js'
import { computeCostUsd, findPrice, priceTable, validatePricePattern } from './pricing.js'

const PER_M = 1e-6

describe('findPrice', () => {
  it.each([
    ['gpt-4o', 'gpt-4o'],
    ['gpt-4o-2024-08-06', 'gpt-4o'],
    ['openai/gpt-4o', 'gpt-4o'],
    ['GPT-4o-Mini-2024-07-18', 'gpt-4o-mini'],
    ['gpt-4o-2024-05-13', 'gpt-4o-2024-05-13'],
    ['chatgpt-4o-latest', 'chatgpt-4o-latest'],
    ['gpt-4.1-mini-2025-04-14', 'gpt-4.1-mini'],
    ['gpt-5-2025-08-07', 'gpt-5'],
    ['gpt-5-chat-latest', 'gpt-5'],
    ['o3-mini-2025-01-31', 'o3-mini'],
    ['o1-preview', 'o1'],
    ['gpt-4-0613', 'gpt-4'],
    ['gpt-4-turbo-2024-04-09', 'gpt-4-turbo'],
    ['claude-3-5-sonnet-20241022', 'claude-3-5-sonnet'],
    ['claude-3-5-sonnet-latest', 'claude-3-5-sonnet'],
    ['anthropic/claude-3.5-sonnet', 'claude-3-5-sonnet'],
    ['anthropic.claude-3-5-sonnet-20241022-v2:0', 'claude-3-5-sonnet'],
    ['claude-3-7-sonnet@20250219', 'claude-3-7-sonnet'],
    ['anthropic/claude-3.7-sonnet:thinking', 'claude-3-7-sonnet'],
    ['claude-sonnet-4-20250514', 'claude-sonnet-4'],
    ['claude-opus-4-1-20250805', 'claude-opus-4-1'],
    ['claude-haiku-4-5', 'claude-haiku-4-5'],
    ['models/gemini-1.5-pro-002', 'gemini-1.5-pro'],
    ['google/gemini-2.5-flash', 'gemini-2.5-flash'],
    ['gemini-2.5-flash-lite-preview-06-17', 'gemini-2.5-flash-lite'],
    ['gemini-2.5-pro-preview-05-06', 'gemini-2.5-pro'],
    ['gemini-1.5-flash-8b', 'gemini-1.5-flash-8b'],
    ['mistral-large-2411', 'mistral-large'],
    ['mistral-small-latest', 'mistral-small'],
    ['codestral-2501', 'codestral'],
    ['llama-3.3-70b-versatile', 'llama-3.3-70b-versatile (Groq)'],
    ['meta-llama/Llama-3.3-70B-Instruct-Turbo', 'Llama-3.3-70B-Instruct-Turbo (Together)'],
    ['accounts/fireworks/models/llama-v3p1-70b-instruct', 'llama-v3p1-70b-instruct (Fireworks)'],
    ['deepseek-ai/DeepSeek-R1', 'DeepSeek-R1 (Together)'],
    ['deepseek-chat', 'deepseek-chat'],
  ])('matches %s to the %s entry', (model, name) => {
    expect(findPrice(model)?.name).toBe(name)
  })

  it.each([
    'llama3.1:8b',
    'mistral-small:24b',
    'meta-llama/Llama-3.3-70B-Instruct-Turbo-Free',
    'ft:gpt-4o-mini-2024-07-18:acme::abc123',
    'gpt-4o-mini-tts',
    'my-own-model',
    '',
  ])('knows no price for %j', (model) => {
    expect(findPrice(model)).toBeUndefined()
  })

  it('resolves every canonical model id in the table to its own entry', () => {
    const ids = priceTable()
      .map((p) => p.name)
      .filter((n) => !n.includes(' '))
    for (const id of ids) expect(findPrice(id)?.name, id).toBe(id)
  })

  it('covers at least 30 models from the major vendors and hosts', () => {
    const table = priceTable().filter((p) => p.provider !== 'simulated')
    expect(table.length).toBeGreaterThanOrEqual(30)
    const providers = new Set(table.map((p) => p.provider))
    for (const p of [
      'openai',
      'anthropic',
      'google',
      'mistral',
      'groq',
      'together',
      'fireworks',
      'deepseek',
    ]) {
      expect(providers).toContain(p)
    }
  })

  it('prices the simulated models as the real model they name', () => {
    expect(findPrice('simulated-support-1')?.inputPerToken).toBe(findPrice('gpt-4o-mini')?.inputPerToken)
    expect(findPrice('simulated-support-1')?.provider).toBe('simulated')
  })

  it('rejects a table entry that points at a missing price', () => {
    const raw = {
      unit: 'USD per 1,000,000 tokens',
      models: [{ name: 'x', provider: 'p', match: '^x$', priceAs: 'y', source: 's', updated: '2025-01-01' }],
    }
    expect(() => compileTable(raw)).toThrow(/unknown y/)
  })
})

describe('price overrides', () => {
  const overrides: PriceOverride[] = [
    { pattern: 'gpt-4o', inputPerToken: 1 * PER_M, outputPerToken: 2 * PER_M },
    { pattern: '/^acme-llm-\\d+$/', inputPerToken: 3 * PER_M, outputPerToken: 4 * PER_M },
  ]

  it('wins over the maintained table', () => {
    expect(findPrice('gpt-4o', overrides)?.provider).toBe('project-override')
    expect(findPrice('openai/gpt-4o-2024-08-06', overrides)?.inputPerToken).toBe(1 * PER_M)
  })

  it('matches a plain name exactly, so gpt-4o does not price gpt-4o-mini', () => {
    expect(findPrice('gpt-4o-mini', overrides)?.name).toBe('gpt-4o-mini')
  })

  it('matches a /regex/ case-insensitively', () => {
    expect(findPrice('ACME-LLM-7', overrides)?.outputPerToken).toBe(4 * PER_M)
    expect(findPrice('acme-llm-x', overrides)).toBeUndefined()
  })

  it('skips an invalid regular expression instead of failing', () => {
    const bad: PriceOverride[] = [{ pattern: '/(/', inputPerToken: 1, outputPerToken: 1 }]
    expect(validatePricePattern('/(/')).toMatch(/invalid regular expression/)
    expect(findPrice('gpt-4o', bad)?.name).toBe('gpt-4o')
  })
})

describe('computeCostUsd', () => {
  it('bills input and output tokens at their prices', () => {
    // gpt-4o-mini: $0.15 in, $0.60 out per million
    expect(computeCostUsd('gpt-4o-mini', { inputTokens: 1000, outputTokens: 200 })).toBeCloseTo(0.00027, 12)
  })

  it('bills cached input at the cached price and takes it out of the input', () => {
    // gpt-4o: $2.50 in, $1.25 cached, $10 out per million
    const cost = computeCostUsd('gpt-4o', { inputTokens: 1000, cachedInputTokens: 400, outputTokens: 0 })
    expect(cost).toBeCloseTo((600 * 2.5 + 400 * 1.25) * PER_M, 12)
  })

  it('bills cached input at the input price when the model has no cached price', () => {
    const cost = computeCostUsd('gpt-4', { inputTokens: 1000, cachedInputTokens: 400, outputTokens: 0 })
    expect(cost).toBeCloseTo(1000 * 30 * PER_M, 12)
  })

  it('does not count reasoning tokens twice when output includes them', () => {
    // o3: $2 in, $8 out; 500 output tokens of which 300 reasoning
    const withReasoning = computeCostUsd('o3', { inputTokens: 0, outputTokens: 500, reasoningTokens: 300 })
    expect(withReasoning).toBeCloseTo(500 * 8 * PER_M, 12)
  })

  it('bills reasoning at its own price when one is given', () => {
    const overrides: PriceOverride[] = [
      { pattern: 'r1', inputPerToken: 0, outputPerToken: 2 * PER_M, reasoningPerToken: 1 * PER_M },
    ]
    const cost = computeCostUsd('r1', { inputTokens: 10, outputTokens: 500, reasoningTokens: 300 }, overrides)
    expect(cost).toBeCloseTo((200 * 2 + 300 * 1) * PER_M, 12)
  })

  it('bills both when the reasoning count exceeds the output count', () => {
    const cost = computeCostUsd('o3', { inputTokens: 0, outputTokens: 100, reasoningTokens: 300 })
    expect(cost).toBeCloseTo(400 * 8 * PER_M, 12)
  })

  it('uses the project override price', () => {
    const overrides: PriceOverride[] = [{ pattern: 'gpt-4o', inputPerToken: 1e-3, outputPerToken: 2e-3 }]
    expect(computeCostUsd('gpt-4o', { inputTokens: 10, outputTokens: 5 }, overrides)).toBeCloseTo(0.02, 12)
  })

  it('returns null for an unknown model or when no token count is known', () => {
    expect(computeCostUsd('my-own-model', { inputTokens: 10, outputTokens: 5 })).toBeNull()
    expect(computeCostUsd(null, { inputTokens: 10 })).toBeNull()
    expect(computeCostUsd('gpt-4o', { inputTokens: null, outputTokens: null })).toBeNull()
  })

  it('treats a missing count as zero when the other is known', () => {
    expect(computeCostUsd('gpt-4o', { inputTokens: 1000 })).toBeCloseTo(1000 * 2.5 * PER_M, 12)
  })
})
