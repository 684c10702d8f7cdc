import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOpenAICompatibleProvider } from '../../src/llm/index.js'
import { type FakeOpenAI, startFakeOpenAI } from '../../src/llm/testing/openai-server.js'
import { ENGINES } from '../support/engines.js'
import { startTestServer, type TestServer } from '../support/server.js'
import { waitFor } from '../support/wait.js'

describe.each(ENGINES)('invoking a prompt on $name', (engine) => {
  let s: TestServer
  let fake: FakeOpenAI
  beforeAll(async () => {
    fake = await startFakeOpenAI({
      reply: (req) => `Answer to: ${req.messages.at(-1)!.content}`,
      behaviour: (req) => (String(req.messages.at(-1)!.content).includes('fail') ? 'server-error' : 'ok'),
    })
    const provider = createOpenAICompatibleProvider({
      baseURL: fake.url,
      apiKey: 'test',
      defaultModel: 'gpt-4o-mini',
    })
    s = await startTestServer(engine, { provider })
    // The judge would call the same endpoint for the traced calls; these tests count requests.
    await s.call('PUT', '/api/v1/project/settings', { evaluation: { judge: { mode: 'off' } } })
    await s.call('POST', '/api/v1/prompts', {
      name: 'greeter',
      messages: [{ role: 'system', content: 'Greet {{customer}} kindly.' }],
      model: 'gpt-4o-mini',
      temperature: 0.3,
      maxTokens: 120,
      parameters: { top_p: 0.9 },
      labels: ['production'],
    })
  })
  afterAll(async () => {
    await s?.close()
    await fake?.close()
  })

  it('renders, calls the model with the version settings and traces the call with the prompt name and version', async () => {
    const res = await s.call('POST', '/api/v1/prompts/greeter/invoke', {
      variables: { customer: 'Ann' },
      messages: [{ role: 'user', content: 'Hello!' }],
      userId: 'ann',
      sessionId: 'conv-invoke',
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({
      output: 'Answer to: Hello!',
      prompt: { name: 'greeter', version: 1 },
      model: 'gpt-4o-mini',
      simulated: false,
    })
    const sent = fake.requests.at(-1)!
    expect(sent.messages).toEqual([
      { role: 'system', content: 'Greet Ann kindly.' },
      { role: 'user', content: 'Hello!' },
    ])
    expect(sent).toMatchObject({ model: 'gpt-4o-mini', temperature: 0.3, max_tokens: 120, top_p: 0.9 })

    const { body } = await s.call('GET', `/api/v1/traces/${res.body.traceId}`, undefined, s.keys.read)
    expect(body.trace).toMatchObject({
      promptName: 'greeter',
      promptVersion: 1,
      userId: 'ann',
      sessionId: 'conv-invoke',
      output: 'Answer to: Hello!',
      status: 'ok',
    })
    expect(body.trace.costUsd).toBeGreaterThan(0)
    expect(body.spans[0]).toMatchObject({
      kind: 'generation',
      promptName: 'greeter',
      promptVersion: 1,
      model: 'gpt-4o-mini',
    })
    // The traces list filters by prompt, so every metric can be grouped by it.
    const listed = await s.call('GET', '/api/v1/traces?promptName=greeter', undefined, s.keys.read)
    expect(listed.body.data.map((t: { id: string }) => t.id)).toContain(res.body.traceId)
  })

  it('lets a call override the model settings', async () => {
    await s.call('POST', '/api/v1/prompts/greeter/invoke', {
      variables: { customer: 'Bo' },
      temperature: 0,
      maxTokens: 5,
    })
    expect(fake.requests.at(-1)).toMatchObject({ temperature: 0, max_tokens: 5 })
  })

  it('traces a failed call and answers 502 with the trace id', async () => {
    const res = await s.call('POST', '/api/v1/prompts/greeter/invoke', {
      variables: { customer: 'Cy' },
      messages: [{ role: 'user', content: 'please fail' }],
    })
    expect(res.status).toBe(502)
    expect(res.body.error).toMatchObject({ code: 'provider_error', kind: 'server' })
    const trace = await waitFor('the failed call traced', async () => {
      const r = await s.call('GET', `/api/v1/traces/${res.body.error.traceId}`, undefined, s.keys.read)
      return r.status === 200 && r.body.trace
    })
    expect(trace).toMatchObject({ status: 'error', promptName: 'greeter', promptVersion: 1 })
  })

  it('answers a missing variable with 400 before calling the model', async () => {
    const before = fake.requests.length
    const res = await s.call('POST', '/api/v1/prompts/greeter/invoke', { variables: {} })
    expect(res.status).toBe(400)
    expect(res.body.error.field).toBe('variables.customer')
    expect(fake.requests.length).toBe(before)
  })
})
