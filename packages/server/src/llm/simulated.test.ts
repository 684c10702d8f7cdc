import { afterEach, describe, expect, it, vi } from 'vitest'
import { computeCostUsd } from './pricing.js'
import type { ChatMessage, ChatResult } from './provider.js'
import { createSimulatedProvider } from './simulated.js'
import { countMessageTokens, countTokens } from './tokens.js'

const QUESTIONS = [
  'Where is my order? It has been a week!!',
  'How do I reset my password?',
  'Can I get a refund for a damaged item?',
  'What plans do you have?',
  'I need my invoice for March',
  'How long does express shipping take?',
  'How do I change my email address?',
  'Does the app integrate with Slack?',
  'I was charged twice this month',
  'My package still has not arrived',
  'I want to return these shoes, they do not fit',
  'Can I talk to a real person?',
]
const SYSTEM = {
  base: 'You are the support assistant of our online store.',
  empathetic:
    'You are the support assistant of our online store. Be warm and empathetic: acknowledge how the customer feels before you answer.',
  concise: 'You are the support assistant of our online store. Answer concisely, in one or two sentences.',
}
const ACKNOWLEDGES = /\b(sorry|understand|frustrat|appreciate|hear how|happy to help|great question)/i

function chat(system: string | null, user: string): ChatMessage[] {
  return [
    ...(system ? [{ role: 'system' as const, content: system }] : []),
    { role: 'user' as const, content: user },
  ]
}

async function answersFor(system: string, seeds = [1, 2, 3]): Promise<ChatResult[]> {
  const provider = createSimulatedProvider()
  const results: ChatResult[] = []
  for (const seed of seeds)
    for (const q of QUESTIONS) results.push(await provider.chat({ messages: chat(system, q), seed }))
  return results
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number

afterEach(() => {
  vi.useRealTimers()
})

describe('simulated provider', () => {
  it('labels every answer as simulated', async () => {
    const provider = createSimulatedProvider()
    const result = await provider.chat({ messages: chat(SYSTEM.base, 'Where is my order?') })
    expect(provider).toMatchObject({
      name: 'simulated',
      simulated: true,
      defaultModel: 'simulated-support-1',
    })
    expect(result).toMatchObject({ provider: 'simulated', simulated: true, model: 'simulated-support-1' })
  })

  it('answers the same seed and input the same way', async () => {
    const a = await createSimulatedProvider().chat({
      messages: chat(SYSTEM.base, QUESTIONS[0] as string),
      seed: 42,
    })
    const b = await createSimulatedProvider().chat({
      messages: chat(SYSTEM.base, QUESTIONS[0] as string),
      seed: 42,
    })
    expect(b).toEqual(a)
  })

  it('varies answers across seeds', async () => {
    const [one, two] = await Promise.all([answersFor(SYSTEM.base, [1]), answersFor(SYSTEM.base, [2])])
    const differing = one.filter((r, i) => r.content !== two[i]?.content || r.latencyMs !== two[i]?.latencyMs)
    expect(differing.length).toBeGreaterThan(QUESTIONS.length / 2)
  })

  it('counts tokens with the real tokenizer and prices them like the model it stands for', async () => {
    const messages = chat(SYSTEM.base, 'How do I reset my password?')
    const result = await createSimulatedProvider().chat({ messages })
    expect(result.usage.inputTokens).toBe(countMessageTokens(messages))
    expect(result.usage.outputTokens).toBe(countTokens(result.content))
    expect(result.costUsd).toBe(computeCostUsd('gpt-4o-mini', result.usage))
  })

  it('reports a real model name asked of it as simulated/<name>, priced like that model', async () => {
    const result = await createSimulatedProvider().chat({ model: 'gpt-4o', messages: chat(null, 'Hi') })
    expect(result.model).toBe('simulated/gpt-4o')
    expect(result.costUsd).toBe(computeCostUsd('gpt-4o', result.usage))
  })

  it('reports latencies that look like a hosted model without waiting for them', async () => {
    vi.useFakeTimers()
    const results = await answersFor(SYSTEM.base) // would hang here if the provider slept
    const latencies = results.map((r) => r.latencyMs)
    expect(median(latencies)).toBeGreaterThan(600)
    expect(median(latencies)).toBeLessThan(1500)
    for (const r of results) expect(r.timeToFirstTokenMs).toBeLessThan(r.latencyMs)
  })

  it('waits for its latency when realtime is on', async () => {
    vi.useFakeTimers()
    const provider = createSimulatedProvider({ realtime: true })
    let settled = false
    const pending = provider.chat({ messages: chat(null, 'Hi') }).then((r) => {
      settled = true
      return r
    })
    await vi.advanceTimersByTimeAsync(1)
    expect(settled).toBe(false)
    await vi.runAllTimersAsync()
    expect((await pending).content).toMatch(/help/i)
  })

  it('answers from its knowledge base', async () => {
    const provider = createSimulatedProvider()
    const password = await provider.chat({
      messages: chat(SYSTEM.base, 'How do I reset my password?'),
      seed: 3,
    })
    expect(password.content).toMatch(/Forgot password/)
    const plans = await provider.chat({
      messages: chat(SYSTEM.concise, 'How much is the Pro plan?'),
      seed: 3,
    })
    expect(plans.content).toMatch(/\$29/)
  })

  it('politely declines off-topic questions and calms abusive ones', async () => {
    const provider = createSimulatedProvider()
    const offTopic = await provider.chat({ messages: chat(SYSTEM.base, 'Tell me a joke about the weather') })
    expect(offTopic.content).toMatch(/only help|outside what I can help/)
    const abusive = await provider.chat({ messages: chat(SYSTEM.base, 'you are a useless idiot bot') })
    expect(abusive.content).toMatch(/help/)
    expect(abusive.content).not.toMatch(/idiot|useless/)
  })

  it('takes the topic of a short follow-up from the previous question', async () => {
    const messages: ChatMessage[] = [
      { role: 'user', content: 'Do you ship to Canada?' },
      { role: 'assistant', content: 'Yes, we ship to 30 countries.' },
      { role: 'user', content: 'And how long would that take?' },
    ]
    const provider = createSimulatedProvider()
    const results = await Promise.all([1, 2, 3, 4, 5, 6].map((seed) => provider.chat({ messages, seed })))
    const aboutShipping = results.filter((r) => /business days|shipping/i.test(r.content))
    expect(aboutShipping.length).toBeGreaterThanOrEqual(4) // the rest are the model's occasional vague answers
  })

  it('writes longer, warmer answers under an empathetic prompt and shorter ones under a concise prompt', async () => {
    const [base, empathetic, concise] = await Promise.all([
      answersFor(SYSTEM.base),
      answersFor(SYSTEM.empathetic),
      answersFor(SYSTEM.concise),
    ])
    const tokens = (rs: ChatResult[]) => mean(rs.map((r) => r.usage.outputTokens))
    const acknowledging = (rs: ChatResult[]) =>
      rs.filter((r) => ACKNOWLEDGES.test(r.content)).length / rs.length
    expect(tokens(empathetic)).toBeGreaterThan(1.3 * tokens(base))
    expect(tokens(concise)).toBeLessThan(0.7 * tokens(base))
    expect(acknowledging(empathetic)).toBeGreaterThan(0.9)
    expect(acknowledging(concise)).toBeLessThan(0.1)
    expect(mean(empathetic.map((r) => r.latencyMs))).toBeGreaterThan(mean(concise.map((r) => r.latencyMs)))
  })

  it('cuts the answer at maxTokens and says so', async () => {
    const result = await createSimulatedProvider().chat({
      messages: chat(SYSTEM.empathetic, 'Where is my order?'),
      maxTokens: 10,
    })
    expect(result.usage.outputTokens).toBeLessThanOrEqual(10)
    expect(result.finishReason).toBe('length')
  })

  it('fails with a timeout when its latency exceeds timeoutMs', async () => {
    const provider = createSimulatedProvider()
    await expect(provider.chat({ messages: chat(null, 'Hi'), timeoutMs: 1 })).rejects.toMatchObject({
      name: 'ProviderError',
      kind: 'timeout',
    })
  })

  it('fails about the configured share of calls, and a retry of the same request can succeed', async () => {
    const provider = createSimulatedProvider({ errorRate: 0.3, seed: 9 })
    const outcomes = await Promise.all(
      Array.from({ length: 300 }, () =>
        provider.chat({ messages: chat(null, 'Where is my order?') }).then(
          () => 'ok',
          (err: { kind: string }) => err.kind,
        ),
      ),
    )
    const failed = outcomes.filter((o) => o !== 'ok')
    expect(failed.length / outcomes.length).toBeGreaterThan(0.2)
    expect(failed.length / outcomes.length).toBeLessThan(0.4)
    expect(new Set(failed)).toEqual(new Set(['rate_limit', 'server', 'timeout']))
    await expect(
      createSimulatedProvider({ errorRate: 1 }).chat({ messages: chat(null, 'Hi') }),
    ).rejects.toMatchObject({
      name: 'ProviderError',
    })
  })

  it('rejects a request whose signal is already aborted', async () => {
    const signal = AbortSignal.abort()
    await expect(
      createSimulatedProvider().chat({ messages: chat(null, 'Hi'), signal }),
    ).rejects.toMatchObject({
      kind: 'network',
    })
  })
})
