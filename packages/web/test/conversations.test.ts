import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sqlite } from '../../server/test/support/engines.js'
import { startTestServer, type TestServer } from '../../server/test/support/server.js'
import { type Browser, openBrowser } from './support/browser.js'
import { ensureWebBuilt } from './support/build.js'
import { waitForEvaluations } from './support/demo.js'
import { buildFixtures, ingest } from './support/fixtures.js'

const ROWS = '.vtable__body [role=row]'
/** What Chromium logs for a response the page expected to fail (a rejected key). */
const EXPECTED_401 = /status of 401/

describe('conversations, sign-in and empty states in Chromium', () => {
  let s: TestServer
  let empty: TestServer
  let b: Browser
  let fixtures: ReturnType<typeof buildFixtures>

  beforeAll(async () => {
    await ensureWebBuilt()
    ;[s, empty] = await Promise.all([startTestServer(sqlite), startTestServer(sqlite)])
    fixtures = buildFixtures()
    await ingest(s, fixtures.events)
    b = await openBrowser({ width: 1440, height: 900 })
  })
  afterAll(async () => {
    await b?.close()
    await s?.close()
    await empty?.close()
  })

  const page = () => b.page

  it('asks for an API key without one, rejects a wrong key and accepts a read key', async () => {
    await page().goto(`${s.url}/conversations`)
    await page().getByRole('heading', { name: 'Sign in to the dashboard' }).waitFor()
    expect(await page().locator('.login__hint').textContent()).toMatch(
      /chatlens serve[\s\S]*chatlens keys create/,
    )
    await b.shot('login')
    await page().fill('input[name=apiKey]', 'cl_not_a_key')
    await page().getByRole('button', { name: 'Sign in' }).click()
    await page().getByText('This key is unknown or revoked.').waitFor()
    await page().fill('input[name=apiKey]', s.keys.read)
    await page().getByRole('button', { name: 'Sign in' }).click()
    await page().locator(ROWS).first().waitFor()
    expect(page().url()).toBe(`${s.url}/conversations`)
  })

  it('lists conversations with turns, satisfaction, resolution, stage and cost', async () => {
    expect(await page().locator('.page__count').textContent()).toBe('61 conversations')
    const first = page().locator(ROWS, { hasText: fixtures.richSessionId })
    const cells = await first.locator('[role=cell]').allTextContents()
    const { body } = await s.call('GET', `/api/v1/sessions/${fixtures.richSessionId}`)
    expect(cells[2]).toBe(body.session.userId)
    expect(cells[4]).toBe(String(body.stats.turns))
    expect(cells[5]).toBe(`${Math.round(body.session.satisfaction * 100)}%`)
    expect(cells[6]).toBe(body.session.resolved ? 'Resolved' : 'Unresolved')
    await b.shot('conversations-list-1440')

    await page().selectOption('select[name=resolved]', 'false')
    await page().waitForURL(/resolved=false/)
    await page()
      .locator('.page__count', { hasText: /^\d+ conversations$/ })
      .waitFor()
    const resolution = await page().locator(`${ROWS} [role=cell]:nth-child(7)`).allTextContents()
    expect(resolution.length).toBeGreaterThan(5)
    expect(new Set(resolution)).toEqual(new Set(['Unresolved']))
    await page().selectOption('select[name=resolved]', '')
  })

  it('shows a conversation as a transcript with each turn’s figures', async () => {
    await page().locator(ROWS, { hasText: fixtures.richSessionId }).click()
    await page().waitForURL(new RegExp(`/conversations/${fixtures.richSessionId}`))
    const { body } = await s.call('GET', `/api/v1/sessions/${fixtures.richSessionId}`)
    await page().locator('.turn').first().waitFor()
    expect(await page().locator('.turn').count()).toBe(body.turns.length)
    expect(await page().locator('.turn .bubble--user').first().textContent()).toContain(body.turns[0].input)
    expect(await page().locator('.turn .bubble--assistant').first().textContent()).toContain(
      body.turns[0].output,
    )
    const head = await page().locator('.stats').textContent()
    expect(head).toContain('Greeting')
    expect(head).toContain(`${Math.round(body.session.satisfaction * 100)}%`)
    await page().locator('.chart canvas').waitFor()
    await b.shot('conversation-1440')

    await page().locator('.turn').first().getByRole('link', { name: 'Open trace' }).click()
    await page().waitForURL(new RegExp(`/traces/${body.turns[0].id}`))
    await page().locator('.waterfall').waitFor()
  })

  it('shows the stage chatlens detected for each turn and where resolution and satisfaction came from', async () => {
    await waitForEvaluations(s)
    const id = 'conv-004'
    const { body: a } = await s.call('GET', `/api/v1/analytics/conversations/${id}`)
    await page().goto(`${s.url}/conversations/${id}`)
    await page().locator('.turn [data-stage]').first().waitFor()
    expect(
      await page()
        .locator('.turn [data-stage]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-stage'))),
    ).toEqual(a.turns.map((t: { stage: string }) => t.stage))
    expect(await page().locator('[data-resolution]').getAttribute('data-resolution')).toBe(
      String(a.resolution.resolved),
    )
    expect(await page().locator('.stat:has(.stat__label:text-is("Resolution"))').textContent()).toContain(
      a.resolution.source,
    )
    expect(await page().locator('.stat:has(.stat__label:text-is("Satisfaction"))').textContent()).toContain(
      'reported',
    )
    await b.shot('conversation-stages')
  })

  it('lists the conversations that need a human look, most urgent first', async () => {
    await page().goto(`${s.url}/conversations`)
    await page().getByRole('button', { name: 'Needs review' }).click()
    await page().waitForURL(/view=review/)
    const rows = page().locator('.review__table tbody tr')
    await rows.first().waitFor()
    const query = await page().evaluate(() => {
      const to = Date.now()
      return { from: to - 7 * 86_400_000, to }
    })
    const { body } = await s.call(
      'GET',
      `/api/v1/analytics/conversations/review?from=${query.from}&to=${query.to}&limit=200`,
    )
    const shown = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-session-id')))
    expect(shown).toEqual(body.items.map((i: { sessionId: string }) => i.sessionId))
    expect(await page().locator('.review__intro').getAttribute('data-total')).toBe(String(body.total))
    const first = body.items[0]
    expect(await rows.first().locator('.badge').allTextContents()).toHaveLength(first.reasons.length + 1)
    await b.shot('conversations-review')
    // The review queue takes the bot filter only: the others are greyed out.
    expect(await page().locator('.topbar input[name=environment]').isDisabled()).toBe(true)
    expect(await page().locator('.topbar input[name=bot]').isDisabled()).toBe(false)
  })

  it('groups what users ask about into top topics', async () => {
    await page().getByRole('button', { name: 'Top topics' }).click()
    await page().waitForURL(/view=topics/)
    await page().locator('.topic').first().waitFor()
    const to = Date.now()
    const { body } = await s.call('GET', `/api/v1/analytics/topics?from=${to - 7 * 86_400_000}&to=${to}`)
    const labels = await page()
      .locator('.topic')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-topic')))
    expect(labels).toEqual(body.topics.map((t: { label: string }) => t.label))
    expect(await page().locator('.topic__examples').first().textContent()).toContain(
      body.topics[0].examples[0],
    )
    await b.shot('conversations-topics')
  })

  it('goes back to sign-in when the server stops accepting the key', async () => {
    const keys = (await s.call('GET', '/api/v1/keys')).body.data as { id: string; name: string }[]
    const read = keys.find((k) => k.name === 'read')!
    expect((await s.call('DELETE', `/api/v1/keys/${read.id}`)).status).toBe(204)
    await page().goto(`${s.url}/traces`)
    await page().getByText('The server did not accept the key.').waitFor()
    expect(await page().evaluate(() => localStorage.getItem('chatlens.apiKey'))).toBeNull()
  })

  it('tells a newcomer with an empty project how to get data in', async () => {
    const token = empty.server.auth.mintLocalToken(empty.projectId, ['admin'], 'dashboard')
    await page().goto(`${empty.url}/?token=${token}`)
    await page().getByRole('heading', { name: 'No traces yet' }).waitFor()
    const text = await page().locator('.empty').textContent()
    expect(text).toContain('npm start')
    expect(text).toContain("import { Chatlens } from '@chatlens/sdk'")
    expect(text).toContain('chatlens keys create')
    await b.shot('empty-traces')
    await page().getByRole('link', { name: 'Conversations' }).click()
    await page().getByRole('heading', { name: 'No conversations yet' }).waitFor()
  })

  it('logged no console errors besides the rejected keys', () => {
    expect(b.errors.filter((e) => !EXPECTED_401.test(e))).toEqual([])
    expect(b.dialogs).toEqual([])
  })
})
