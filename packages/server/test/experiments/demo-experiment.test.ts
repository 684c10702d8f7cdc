import { Chatlens } from '@chatlens/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  DEMO_EXPERIMENT,
  DEMO_PROMPT,
  ensureDemoExperiment,
  registrySystemPrompt,
  runTraffic,
  SupportChatbot,
  VirtualClock,
  withVirtualLatency,
} from '../../src/demo/index.js'
import { createSimulatedProvider } from '../../src/llm/index.js'
import { ENGINES } from '../support/engines.js'
import { startTestServer, type TestServer } from '../support/server.js'

describe.each(ENGINES)('the demo prompt experiment on $name', (engine) => {
  let s: TestServer
  beforeAll(async () => {
    s = await startTestServer(engine, { provider: createSimulatedProvider() })
  })
  afterAll(() => s?.close())

  it('serves the chatbot its system prompt from the registry through the experiment, and finds the effect of warmth', async () => {
    const api = (method: string, path: string, body?: unknown) => s.call(method, path, body)
    expect(await ensureDemoExperiment(api)).toEqual({ created: true, running: true })
    // A second run keeps what is there.
    expect(await ensureDemoExperiment(api)).toEqual({ created: false, running: true })
    expect((await s.call('GET', `/api/v1/prompts/${DEMO_PROMPT}/versions`)).body.data).toHaveLength(2)

    const clock = new VirtualClock(Date.now())
    const chatlens = new Chatlens({
      apiKey: s.keys.admin,
      baseUrl: s.url,
      clock,
      flushAt: 500,
      onError: () => {},
    })
    const provider = withVirtualLatency(createSimulatedProvider({ seed: 42, errorRate: 0.04 }), clock)
    const chatbot = new SupportChatbot({
      chatlens,
      provider,
      clock,
      systemPrompt: registrySystemPrompt(chatlens),
    })
    await runTraffic({
      chatlens,
      chatbot,
      clock,
      conversations: 80,
      users: 16,
      days: 3,
      seed: 42,
      now: Date.now(),
    })
    await chatlens.shutdown()
    expect(chatlens.stats()).toMatchObject({ failed: 0, dropped: 0 })

    // Each conversation saw one variant and that variant's prompt version, recorded on its turns.
    const rows = await s.store.db.all<{ session_id: string; v: string; p: number; n: number }>(
      `SELECT session_id, MIN(experiment_variant) AS v, MIN(prompt_version) AS p,
         COUNT(DISTINCT experiment_variant) + COUNT(DISTINCT prompt_version) AS n
       FROM traces WHERE experiment_key = ? GROUP BY session_id`,
      [DEMO_EXPERIMENT],
    )
    expect(rows).toHaveLength(80)
    for (const r of rows) {
      expect(Number(r.n)).toBe(2)
      expect(Number(r.p)).toBe(r.v === 'empathetic' ? 2 : 1)
    }

    const r = (await s.call('GET', `/api/v1/experiments/${DEMO_EXPERIMENT}/results`)).body
    const metric = (id: string) => r.metrics.find((m: { id: string }) => m.id === id).comparisons[0]
    expect(r.srm.mismatch).toBe(false)
    expect(metric('satisfaction').verdict).toBe('better')
    expect(metric('cost_usd').verdict).toBe('worse')
    expect(r.recommendation).toMatchObject({ decision: 'ship', winner: 'empathetic' })
  })
})
