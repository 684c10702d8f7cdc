import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sqlite } from '../../server/test/support/engines.js'
import { startTestServer, type TestServer } from '../../server/test/support/server.js'
import { type Browser, openBrowser } from './support/browser.js'
import { ensureWebBuilt } from './support/build.js'
import { buildFixtures, ingest, XSS, XSS_SESSION_ID, XSS_TRACE_ID } from './support/fixtures.js'

/** Rows the virtualised table has in the DOM (header excluded). */
const ROWS = '.vtable__body [role=row]'

describe('traces explorer in Chromium', () => {
  let s: TestServer
  let b: Browser
  let fixtures: ReturnType<typeof buildFixtures>

  beforeAll(async () => {
    await ensureWebBuilt()
    s = await startTestServer(sqlite)
    fixtures = buildFixtures()
    await ingest(s, fixtures.events)
    b = await openBrowser({ width: 1366, height: 768 })
  })
  afterAll(async () => {
    await b?.close()
    await s?.close()
  })

  const page = () => b.page
  const loadedCount = async () =>
    Number((await page().locator('.page__count').textContent())!.replace(/\D/g, ''))

  it('signs in with the link serve prints and takes the token out of the address', async () => {
    const token = s.server.auth.mintLocalToken(s.projectId, ['admin'], 'dashboard')
    await page().goto(`${s.url}/?token=${token}`)
    await page().waitForURL(`${s.url}/overview`)
    await page().getByRole('link', { name: 'Traces' }).click()
    await page().waitForURL(`${s.url}/traces`)
    await page().locator(ROWS).first().waitFor()
    expect(page().url()).not.toContain(token)
    expect(await page().evaluate(() => localStorage.getItem('chatlens.apiKey'))).toBe(token)
    expect(await page().locator('.sidebar__project').textContent()).toContain('default')
    await b.shot('traces-list-1366')
  })

  it('renders only the rows in view and loads more pages as the table scrolls', async () => {
    await page().locator('.page__count', { hasText: '200+' }).waitFor()
    for (let i = 0; i < 6 && (await loadedCount()) < 600; i++) {
      const before = await loadedCount()
      await page()
        .locator('.vtable__scroll')
        .evaluate((el) => el.scrollTo(0, el.scrollHeight))
      await page().waitForFunction(
        (n) => Number(document.querySelector('.page__count')!.textContent!.replace(/\D/g, '')) > n,
        before,
      )
    }
    expect(await loadedCount()).toBeGreaterThanOrEqual(600)
    expect(await page().locator(ROWS).count()).toBeLessThan(60)
    await page()
      .locator('.vtable__scroll')
      .evaluate((el) => el.scrollTo(0, 0))
  })

  it('puts filters in the address and shows only matching rows', async () => {
    const bot = page().locator('.topbar input[name=bot]')
    await bot.fill('sales')
    await bot.press('Enter')
    await page().waitForURL(/[?&]bot=sales/)
    await page().locator(ROWS).first().waitFor()
    const names = await page().locator(`${ROWS} [role=cell]:nth-child(2)`).allTextContents()
    expect(names.length).toBeGreaterThan(5)
    expect(names.every((n) => n.includes('sales'))).toBe(true)

    await page().selectOption('select[name=status]', 'error')
    await page().waitForURL(/status=error/)
    // Every 29th of the 1,200 sales traces failed.
    await page()
      .locator('.page__count', { hasText: `${Math.ceil(1200 / 29)} traces` })
      .waitFor()
    const statuses = await page().locator(`${ROWS} [role=cell]:last-child`).allTextContents()
    expect(new Set(statuses)).toEqual(new Set(['Error']))
    await b.shot('traces-filtered')

    // The range lives in the address too: the sales traffic is two days old.
    await page().getByRole('button', { name: '24 h' }).click()
    await page().waitForURL(/range=24h/)
    await page().getByText('No traces match').waitFor()
    await page().getByRole('button', { name: 'clear Bot' }).click()
    await page().locator('button', { hasText: 'Clear' }).click()
    await page().getByRole('button', { name: '7 d' }).click()
    await page().waitForURL((u) => !u.search.includes('bot=') && !u.search.includes('status='))
  })

  it('opens a trace, selects a span on the timeline and shows its scores and comments', async () => {
    await page().goto(`${s.url}/traces?sessionId=${fixtures.richSessionId}`)
    await page().locator(ROWS).first().waitFor()
    await page().locator(ROWS, { hasText: 'How do I reset my password?' }).first().click()
    await page().waitForURL(new RegExp(`/traces/${fixtures.richTraceId}`))
    await page().locator('.waterfall__row[data-span-id]').nth(3).waitFor()
    expect(await page().locator('.waterfall__row:not(.waterfall__row--scale)').count()).toBe(4)
    // The fixture's own relevance score, beside the one the heuristic evaluator adds.
    await page().locator('.score[data-score=relevance]', { hasText: 'TF-IDF cosine' }).waitFor()

    await page().locator(`[data-span-id="${fixtures.richTraceId}-gen"]`).click()
    await page().waitForURL(/span=/)
    const panel = page().locator(`.node[data-node="${fixtures.richTraceId}-gen"]`)
    await panel.waitFor()
    const score = panel.locator('.score[data-score=helpfulness]')
    expect(await score.textContent()).toMatch(/judge · llm-judge/)
    expect(await score.locator('.score__comment').textContent()).toMatch(
      /Answers the question|Does not address/,
    )
    // The generation's input is the whole chat, shown as bubbles.
    expect(await panel.locator('[data-io=input] .bubble').count()).toBe(4)
    await b.shot('trace-span-selected')
    await panel.getByRole('button', { name: 'JSON' }).click()
    expect(await panel.locator('[data-io=input] .json').textContent()).toContain(
      'You are the support assistant',
    )
  })

  it('shows injected HTML as text on every page and never runs it', async () => {
    const injected = async () =>
      page().evaluate(() => document.querySelectorAll('img, script:not([src]), iframe, [onerror]').length)
    await page().goto(`${s.url}/traces?q=repeat`)
    await page().locator(ROWS, { hasText: XSS }).first().waitFor()
    expect(await injected()).toBe(0)

    await page().goto(`${s.url}/traces/${XSS_TRACE_ID}`)
    await page().locator('[data-io=output] .bubble__text').waitFor()
    expect(await page().locator('[data-io=output] .bubble__text').textContent()).toBe(`Sure: ${XSS}`)
    expect(await page().locator('.score[data-score=pii] .score__comment').textContent()).toBe(
      `flagged text: ${XSS}`,
    )
    expect(await page().locator('.feedback').textContent()).toContain('<script>alert(2)</script>')
    await page().locator(`[data-span-id="${XSS_TRACE_ID}-gen"]`).click()
    await page().getByRole('button', { name: 'JSON' }).click()
    expect(await page().locator('[data-io=output] .json').textContent()).toContain(XSS)
    expect(await injected()).toBe(0)
    await b.shot('trace-xss')

    await page().goto(`${s.url}/conversations/${XSS_SESSION_ID}`)
    await page().locator('.turn').waitFor()
    const canvas = page().locator('.chart canvas')
    await canvas.waitFor()
    const box = (await canvas.boundingBox())!
    await page().mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    const tip = page().locator('.chart-tip')
    await tip.waitFor()
    expect(await tip.textContent()).toContain(XSS)
    expect(await injected()).toBe(0)
    await b.shot('conversation-xss-tooltip')
    expect(b.dialogs).toEqual([])
  })

  it('logged no console errors on any page', () => {
    expect(b.errors).toEqual([])
  })
})
