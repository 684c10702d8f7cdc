import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_EXPERIMENT } from '../../server/src/demo/index.js'
import { createOpenAICompatibleProvider } from '../../server/src/llm/index.js'
import { type FakeOpenAI, startFakeOpenAI } from '../../server/src/llm/testing/openai-server.js'
import { sqlite } from '../../server/test/support/engines.js'
import { startTestServer, type TestServer } from '../../server/test/support/server.js'
import type { Score, TraceDetail } from '../src/lib/api-types.js'
import { formatCost, formatInt, formatMs, formatScore } from '../src/lib/format.js'
import { type Browser, openBrowser } from './support/browser.js'
import { ensureWebBuilt } from './support/build.js'
import { fillWithDemo } from './support/demo.js'
import { XSS } from './support/fixtures.js'
import { fitsWidth, signIn } from './support/session.js'

const QUESTION = 'Where is my order #4411? It was due yesterday.'

describe('the chat playground in Chromium', () => {
  let s: TestServer
  let echo: TestServer
  let fake: FakeOpenAI
  let b: Browser

  beforeAll(async () => {
    await ensureWebBuilt()
    fake = await startFakeOpenAI()
    const provider = createOpenAICompatibleProvider({
      baseURL: fake.url,
      apiKey: 'k',
      defaultModel: 'gpt-4o-mini',
    })
    ;[s, echo] = await Promise.all([startTestServer(sqlite), startTestServer(sqlite, { provider })])
    await fillWithDemo(s, { registry: true, conversations: 30 })
    b = await openBrowser({ width: 1366, height: 768 })
  }, 120_000)
  afterAll(async () => {
    await b?.close()
    await s?.close()
    await echo?.close()
    await fake?.close()
  })

  const page = () => b.page
  const turn = (n: number) => page().locator('.pg-turn').nth(n)

  it('answers a message with its variant, latency, tokens, cost and evaluation, as the API stored them', async () => {
    await signIn(b, s, '/playground')
    await page().locator('.pg-empty').waitFor()
    await b.shot('playground-empty')
    await page().locator('textarea[name=message]').fill(QUESTION)
    await page().keyboard.press('Enter')
    await turn(0).locator('.pg-answer').waitFor({ timeout: 15_000 })
    const traceId = (await turn(0).locator('.pg-meta').getAttribute('data-trace-id'))!
    const { trace } = (await s.call('GET', `/api/v1/traces/${traceId}`)).body as TraceDetail
    expect(trace).toMatchObject({ environment: 'playground', input: QUESTION })
    expect(await turn(0).locator('.pg-answer .bubble__text').textContent()).toBe(trace.output)
    const assigned = (
      await s.call('GET', `/api/v1/experiments/${DEMO_EXPERIMENT}/assign?unitId=${trace.sessionId}`)
    ).body
    expect(trace.variant).toBe(assigned.variant)
    expect(await turn(0).locator('[data-variant]').getAttribute('data-variant')).toBe(assigned.variant)
    expect(await turn(0).locator('[data-meta=latency]').textContent()).toBe(formatMs(trace.latencyMs))
    expect(await turn(0).locator('[data-meta=tokens]').textContent()).toBe(
      `${formatInt(trace.totalTokens)} tokens`,
    )
    expect(await turn(0).locator('[data-meta=cost]').textContent()).toBe(formatCost(trace.costUsd))
    expect(await turn(0).locator('.pg-meta').textContent()).toContain('simulated model')

    await turn(0).locator('[data-evaluation=done]').waitFor({ timeout: 15_000 })
    const scores = (await s.call('GET', `/api/v1/scores?traceId=${traceId}&limit=200`)).body.data as Score[]
    const quality = scores.find((x) => x.name === 'quality' && x.spanId === null)!
    expect(await turn(0).locator('[data-score=quality]').textContent()).toBe(
      `quality ${formatScore(quality.value)}`,
    )
    expect(await turn(0).locator('[data-score]').count()).toBe(scores.filter((x) => x.spanId === null).length)
    expect(await fitsWidth(b)).toBe(true)
    await b.shot('playground-answer')
  })

  it('keeps the conversation going and links each answer to its trace in the explorer', async () => {
    await page().locator('textarea[name=message]').fill('And can I change the delivery address?')
    await page().getByRole('button', { name: 'Send' }).click()
    await turn(1).locator('[data-evaluation=done]').waitFor({ timeout: 15_000 })
    const traceId = (await turn(1).locator('.pg-meta').getAttribute('data-trace-id'))!
    const sessionId = (await s.call('GET', `/api/v1/traces/${traceId}`)).body.trace.sessionId
    // The second turn was sent with the first one as its history.
    const spans = (await s.call('GET', `/api/v1/traces/${traceId}`)).body.spans
    expect(JSON.stringify(spans[0].input)).toContain(QUESTION)
    await page().getByRole('link', { name: 'Traces' }).last().click()
    await page().waitForURL(/\/traces\?environment=playground/)
    await page().locator('.vtable__body [role=row]').nth(1).waitFor()
    const rows = await page()
      .locator('.vtable__body [role=row]')
      .evaluateAll((rs) => rs.map((r) => r.getAttribute('href')))
    expect(rows).toHaveLength(2)
    expect(rows.some((h) => h!.includes(traceId))).toBe(true)
    expect(
      (await s.call('GET', `/api/v1/traces?environment=playground&sessionId=${sessionId}`)).body.data,
    ).toHaveLength(2)
    await page().goBack()
    await turn(1).locator('.pg-answer').waitFor()
    await turn(1).locator('.pg-meta__trace').click()
    await page().waitForURL(new RegExp(`/traces/${traceId}`))
    await page().locator('.detail-head').waitFor()
  })

  it('starts a new conversation on reset', async () => {
    await page().goto(`${s.url}/playground`)
    await turn(1).waitFor()
    const before = await page().locator('.pg-facts code').textContent()
    await page().getByRole('button', { name: 'New conversation' }).click()
    await page().locator('.pg-empty').waitFor()
    expect(await page().locator('.pg-facts code').textContent()).not.toBe(before)
    await page()
      .getByRole('button', { name: /Can you write me a poem/ })
      .click()
    await turn(0).locator('.pg-answer').waitFor({ timeout: 15_000 })
    const traceId = (await turn(0).locator('.pg-meta').getAttribute('data-trace-id'))!
    const { trace } = (await s.call('GET', `/api/v1/traces/${traceId}`)).body as TraceDetail
    expect(trace.sessionId).toBe(await page().locator('.pg-facts code').textContent())
    expect(trace.sessionId).not.toBe(before)
  })

  it('shows a message and an answer holding an HTML injection as text', async () => {
    await signIn(b, echo, '/playground')
    await page().locator('textarea[name=message]').fill(XSS)
    await page().keyboard.press('Enter')
    await turn(0).locator('.pg-answer').waitFor({ timeout: 15_000 })
    expect(await turn(0).locator('.bubble--user .bubble__text').textContent()).toBe(XSS)
    expect(await turn(0).locator('.pg-answer .bubble__text').textContent()).toBe(`You said: ${XSS}`)
    expect(await turn(0).locator('.pg-meta').textContent()).not.toContain('simulated')
    expect(await page().locator('img').count()).toBe(0)
    await b.shot('playground-xss')
  })

  it('logged no console errors and opened no dialog', () => {
    expect(b.errors).toEqual([])
    expect(b.dialogs).toEqual([])
  })
})
