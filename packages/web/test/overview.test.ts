import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sqlite } from '../../server/test/support/engines.js'
import { ev } from '../../server/test/support/events.js'
import { startTestServer, type TestServer } from '../../server/test/support/server.js'
import type { Overview } from '../src/lib/api-types.js'
import { changeView, KPI_CARDS } from '../src/pages/overview/kpis.js'
import { type Browser, openBrowser } from './support/browser.js'
import { ensureWebBuilt } from './support/build.js'
import { fillWithDemo, waitForEvaluations } from './support/demo.js'
import { ingest, XSS } from './support/fixtures.js'

const READY = '.page--overview[data-state=ready]'

describe('overview in Chromium, on a server filled by the demo', () => {
  let s: TestServer
  let empty: TestServer
  let b: Browser

  beforeAll(async () => {
    await ensureWebBuilt()
    ;[s, empty] = await Promise.all([startTestServer(sqlite), startTestServer(sqlite)])
    await fillWithDemo(s, { conversations: 140, days: 14 })
    // A score whose name is an HTML injection: it is drawn in the charts and must stay text.
    const { body } = await s.call('GET', '/api/v1/traces?limit=1&view=summary')
    await ingest(s, [ev('score-create', { traceId: body.data[0].id, name: XSS, value: 0.5, source: 'api' })])
    await waitForEvaluations(s)
    b = await openBrowser({ width: 1366, height: 768 })
  }, 180_000)
  afterAll(async () => {
    await b?.close()
    await s?.close()
    await empty?.close()
  })

  const page = () => b.page

  /** The query the page sent (it keeps it on its root) and the API's answer to the same query. */
  async function shownAndApi(): Promise<{ query: Record<string, string | number>; api: Overview }> {
    await page().locator(`${READY} .kpi`).first().waitFor()
    const query = JSON.parse((await page().locator(READY).getAttribute('data-query'))!)
    const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString()
    const { status, body } = await s.call('GET', `/api/v1/analytics/overview?${qs}`, undefined, s.keys.read)
    expect(status).toBe(200)
    return { query, api: body }
  }

  async function expectKpisEqual(api: Overview, previousLabel: string) {
    for (const def of KPI_CARDS) {
      const card = page().locator(`.kpi[data-kpi="${def.key}"]`)
      const k = api.kpis[def.key]!
      const shown = await card.getAttribute('data-value')
      // The same figure; a float summed in another order (an hour's rollup rebuilt between the
      // two requests) may differ in its last bits.
      if (k.current === null) expect(shown, def.key).toBe('')
      else
        expect(Math.abs(Number(shown) - k.current), def.key).toBeLessThanOrEqual(Math.abs(k.current) * 1e-12)
      expect(await card.locator('.kpi__value').textContent(), def.key).toBe(def.format(k.current))
      expect(await card.locator('.kpi__change').textContent(), def.key).toContain(
        changeView(k, def.format, previousLabel).text,
      )
    }
  }

  /** The content area scrolls, not the page: screenshots of each screenful. */
  async function shots(name: string) {
    const content = page().locator('.content')
    const height = await content.evaluate((el) => el.scrollHeight)
    const view = await content.evaluate((el) => el.clientHeight)
    for (let i = 0, y = 0; y < height; i++, y += view) {
      await content.evaluate((el, top) => el.scrollTo(0, top), y)
      await b.shot(`${name}-${i + 1}`)
    }
    await content.evaluate((el) => el.scrollTo(0, 0))
  }

  it('opens on the overview after sign-in with every KPI equal to the API’s figure', async () => {
    const token = s.server.auth.mintLocalToken(s.projectId, ['admin'], 'dashboard')
    await page().goto(`${s.url}/?token=${token}`)
    await page().waitForURL(`${s.url}/overview`)
    const { query, api } = await shownAndApi()
    expect(Number(query.to) - Number(query.from)).toBe(7 * 86_400_000)
    expect(api.kpis.interactions!.current).toBeGreaterThan(100)
    expect(api.kpis.interactions!.previous).toBeGreaterThan(0)
    await expectKpisEqual(api, 'the previous 7 days')
    await page().locator('.chart canvas').first().waitFor()
    await shots('overview-1366')
  })

  it('labels data that came from the simulated model and judge', async () => {
    await page().locator('[data-simulated=model]').waitFor()
    await page().locator('[data-simulated=judge]').waitFor()
  })

  it('redraws the charts from the API when the time range changes', async () => {
    const traffic = page().locator('[data-panel=traffic] .chart')
    const before = JSON.parse((await traffic.getAttribute('data-chart'))!)
    await page().getByRole('button', { name: '24 h' }).click()
    await page().waitForURL(/range=24h/)
    await page().waitForFunction(
      (b) => document.querySelector('[data-panel=traffic] .chart')?.getAttribute('data-chart') !== b,
      JSON.stringify(before),
    )
    const { api } = await shownAndApi()
    const after = JSON.parse((await traffic.getAttribute('data-chart'))!)
    expect(after.t).toEqual(api.series.map((p) => p.start))
    expect(after.interactions).toEqual(api.series.map((p) => p.interactions))
    expect(after.t).not.toEqual(before.t)
    expect(api.interval).toBe('hour')
    await expectKpisEqual(api, 'the previous 24 hours')
    const hist = JSON.parse(
      (await page().locator('[data-panel=latency-histogram] .chart').getAttribute('data-chart'))!,
    )
    expect(hist).toEqual(api.latencyHistogram.map((b) => b.count))
    await shots('overview-24h')
  })

  it('applies the global filters, which live in the address', async () => {
    await page().goto(`${s.url}/overview?range=30d&category=billing&bot=support-bot`)
    const { query, api } = await shownAndApi()
    expect(query).toMatchObject({ category: 'billing', bot: 'support-bot' })
    expect(Number(query.to) - Number(query.from)).toBe(30 * 86_400_000)
    expect(api.metrics.categories).toEqual({ billing: api.metrics.interactions })
    await expectKpisEqual(api, 'the previous 30 days')
    expect(await page().locator('.topbar input[name=category]').inputValue()).toBe('billing')
    await shots('overview-filtered')

    await page().goto(`${s.url}/overview?bot=no-such-bot`)
    await page().getByRole('heading', { name: 'No interactions match' }).waitFor()
  })

  it('shows chart text from users as text, tooltips included', async () => {
    await page().goto(`${s.url}/overview`)
    const chart = page().locator('[data-panel=quality-now] .chart')
    await chart.locator('canvas').waitFor()
    const names = Object.keys(JSON.parse((await chart.getAttribute('data-chart'))!))
    expect(names[0]).toBe(XSS)
    // The bars start 30 px below the top and end 36 px above the bottom, one row per score.
    const box = (await chart.boundingBox())!
    const row = (box.height - 30 - 36) / names.length
    await page().mouse.move(box.x + box.width / 2, box.y + 30 + row / 2)
    const tip = page().locator('.chart-tip')
    await tip.waitFor()
    expect(await tip.textContent()).toContain(XSS)
    expect(await page().evaluate(() => document.querySelectorAll('img, [onerror]').length)).toBe(0)
    await b.shot('overview-xss-tooltip')
    expect(b.dialogs).toEqual([])
  })

  it('fits a 1440 × 900 screen', async () => {
    await page().setViewportSize({ width: 1440, height: 900 })
    await page().goto(`${s.url}/overview?range=30d`)
    await page().locator(`${READY} .chart canvas`).first().waitFor()
    const overflow = await page().evaluate(() => {
      const c = document.querySelector('.content')!
      return c.scrollWidth - c.clientWidth
    })
    expect(overflow).toBe(0)
    await shots('overview-1440')
  })

  it('tells a newcomer with an empty project what to do', async () => {
    const token = empty.server.auth.mintLocalToken(empty.projectId, ['admin'], 'dashboard')
    await page().goto(`${empty.url}/?token=${token}`)
    await page().waitForURL(`${empty.url}/overview`)
    await page().getByRole('heading', { name: 'No traces yet' }).waitFor()
    const text = await page().locator('.empty').textContent()
    expect(text).toContain('npm start')
    expect(text).toContain("import { Chatlens } from '@chatlens/sdk'")
    await b.shot('overview-empty')
  })

  it('logged no console errors', () => {
    expect(b.errors).toEqual([])
  })
})
