import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_EXPERIMENT, DEMO_PROMPT, ensureDemoExperiment } from '../../src/demo/index.js'
import type { PlaygroundReply } from '../../src/http/routes/playground.js'
import { createOpenAICompatibleProvider, createSimulatedProvider } from '../../src/llm/index.js'
import { type FakeOpenAI, startFakeOpenAI } from '../../src/llm/testing/openai-server.js'
import { ENGINES } from '../support/engines.js'
import { startTestServer, type TestServer } from '../support/server.js'
import { waitFor } from '../support/wait.js'

const chat = (s: TestServer, body: unknown, key?: string) =>
  s.call('POST', '/api/v1/playground/chat', body, key) as Promise<{ status: number; body: PlaygroundReply }>

describe.each(ENGINES)('the chat playground on $name', (engine) => {
  let s: TestServer
  let echo: TestServer
  let fake: FakeOpenAI
  beforeAll(async () => {
    fake = await startFakeOpenAI()
    const provider = createOpenAICompatibleProvider({
      baseURL: fake.url,
      apiKey: 'k',
      defaultModel: 'gpt-4o-mini',
    })
    ;[s, echo] = await Promise.all([
      startTestServer(engine, { provider: createSimulatedProvider({ seed: 3 }) }),
      startTestServer(engine, { provider }),
    ])
    await ensureDemoExperiment((method, path, body) => s.call(method, path, body))
  })
  afterAll(async () => {
    await s?.close()
    await echo?.close()
    await fake?.close()
  })

  it('answers with the variant and the figures of the trace it stored in environment playground', async () => {
    const { status, body: r } = await chat(s, { sessionId: 'pg-1', message: 'Where is my order #4411?' })
    expect(status).toBe(200)
    expect(r).toMatchObject({
      sessionId: 'pg-1',
      fallback: false,
      simulated: true,
      environment: 'playground',
    })
    expect(r.answer.length).toBeGreaterThan(0)
    expect(r.experiment).toMatchObject({ key: DEMO_EXPERIMENT, unit: 'session' })
    const assigned = (await s.call('GET', `/api/v1/experiments/${DEMO_EXPERIMENT}/assign?unitId=pg-1`)).body
    expect(r.experiment!.variant).toBe(assigned.variant)
    expect(r.prompt).toEqual({ name: DEMO_PROMPT, version: assigned.config.prompt.version, label: null })

    const { body: detail } = await s.call('GET', `/api/v1/traces/${r.traceId}`)
    expect(detail.trace).toMatchObject({
      environment: 'playground',
      sessionId: 'pg-1',
      userId: 'playground',
      variant: assigned.variant,
      promptName: DEMO_PROMPT,
      promptVersion: assigned.config.prompt.version,
      output: r.answer,
      latencyMs: r.latencyMs,
      totalTokens: r.totalTokens,
      costUsd: r.costUsd,
      // Trying the chatbot is no exposure: experiment results leave playground turns out.
      experimentKey: null,
    })
    expect(detail.trace.tags).toContain('playground')
    expect(r.totalTokens).toBeGreaterThan(0)
    expect(r.latencyMs).toBeGreaterThan(0)
    const results = (await s.call('GET', `/api/v1/experiments/${DEMO_EXPERIMENT}/results`)).body
    expect(results.variants.map((v: { units: number }) => v.units)).toEqual([0, 0])

    // The heuristic evaluators score it like any other turn.
    const scores = await waitFor('heuristic scores of the playground turn', async () => {
      const { body } = await s.call('GET', `/api/v1/scores?traceId=${r.traceId}`)
      return body.data.some((x: { name: string }) => x.name === 'quality') && body.data
    })
    expect(scores.map((x: { source: string }) => x.source)).toContain('heuristic')
  })

  it('keeps each conversation’s history apart, and forgets one on reset', async () => {
    // The chatbot's own calls: the judge evaluates the same turns through the same endpoint.
    const sent = () =>
      fake.requests
        .filter((r) => r.response_format === undefined)
        .at(-1)!
        .messages.map((m) => `${m.role}: ${m.content}`)
    expect((await chat(echo, { sessionId: 'a', message: 'first in a' })).body.answer).toBe(
      'You said: first in a',
    )
    await chat(echo, { sessionId: 'b', message: 'first in b', userId: 'ann' })
    await chat(echo, { sessionId: 'a', message: 'second in a' })
    expect(sent().slice(1)).toEqual([
      'user: first in a',
      'assistant: You said: first in a',
      'user: second in a',
    ])
    // Without a registry prompt the chatbot uses its built-in one, and no experiment.
    expect(sent()[0]).toMatch(/^system: You are the support assistant of an online store/)

    expect((await echo.call('POST', '/api/v1/playground/reset', { sessionId: 'a' })).body).toEqual({
      sessionId: 'a',
      reset: true,
    })
    const { body: r } = await chat(echo, { sessionId: 'a', message: 'after reset' })
    expect(sent().slice(1)).toEqual(['user: after reset'])
    expect(r).toMatchObject({
      simulated: false,
      provider: 'openai-compatible',
      prompt: null,
      experiment: null,
    })
    await chat(echo, { sessionId: 'b', message: 'second in b' })
    expect(sent().slice(1)).toEqual([
      'user: first in b',
      'assistant: You said: first in b',
      'user: second in b',
    ])
    const { body } = await echo.call('GET', '/api/v1/traces?sessionId=b&environment=playground')
    expect(body.data.map((t: { userId: string }) => t.userId)).toEqual(['playground', 'ann'])
  })

  it('refuses bad input with a 400 naming the field, and keys without admin', async () => {
    const cases: [string, unknown, string][] = [
      ['/api/v1/playground/chat', { message: 'hi' }, 'sessionId'],
      ['/api/v1/playground/chat', { sessionId: 'x', message: '   ' }, 'message'],
      ['/api/v1/playground/chat', { sessionId: 'x', message: 'hi', userId: 'u'.repeat(201) }, 'userId'],
      ['/api/v1/playground/chat', { sessionId: 'x', message: 'a'.repeat(20_001) }, 'message'],
      ['/api/v1/playground/reset', {}, 'sessionId'],
    ]
    for (const [path, body, field] of cases) {
      const r = await s.call('POST', path, body)
      expect(r.status, JSON.stringify(r.body)).toBe(400)
      expect(r.body.error.field).toBe(field)
    }
    expect((await chat(s, { sessionId: 'x', message: 'hi' }, s.keys.read)).status).toBe(403)
  })
})
