import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestServer } from '../../server/test/support/server.js'
import type { ExperimentView, OptimizationAction, StoredRecommendation } from '../src/lib/api-types.js'
import { evidenceValue } from '../src/pages/recommendations/evidence.js'
import type { Browser } from './support/browser.js'
import { improvedDemoSession } from './support/demo.js'
import { fitsWidth, shots, signIn } from './support/session.js'

describe('recommendations in Chromium, on a server filled by the demo', () => {
  let s: TestServer
  let b: Browser

  beforeAll(async () => {
    ;({ s, b } = await improvedDemoSession(80))
  }, 120_000)
  afterAll(async () => {
    await b?.close()
    await s?.close()
  })

  const page = () => b.page
  const recs = async (status = 'open') =>
    (await s.call('GET', `/api/v1/recommendations?status=${status}`)).body.data as StoredRecommendation[]
  const card = (id: string) => page().locator(`article[data-recommendation="${id}"]`)

  it('lists the open recommendations with their priority and evidence', async () => {
    await signIn(b, s, '/recommendations')
    const api = await recs()
    expect(api.length).toBeGreaterThan(0)
    await card(api[0]!.id).waitFor()
    expect(await page().locator('article.rec').count()).toBe(api.length)
    for (const r of api) {
      expect(await card(r.id).locator('h2').textContent()).toBe(r.title)
      expect(await card(r.id).locator('.badge').first().textContent()).toBe(`${r.priority} priority`)
      for (const [k, v] of Object.entries(r.evidence))
        expect(await card(r.id).locator(`[data-evidence="${k}"]`).textContent(), k).toBe(evidenceValue(k, v))
    }
    expect(await fitsWidth(b)).toBe(true)
    await shots(b, 'recommendations', 2)
  })

  it('applies one and links to the experiment it created', async () => {
    const r = (await recs()).find((x) => (x.proposal as { kind: string }).kind !== 'manual')!
    await card(r.id)
      .getByRole('button', { name: /^Apply/ })
      .click()
    const link = page().locator('[data-applied] a[data-experiment-link]')
    await link.waitFor()
    const applied = (await s.call('GET', `/api/v1/recommendations/${r.id}`)).body as StoredRecommendation
    expect(applied.status).toBe('applied')
    expect(await link.getAttribute('data-experiment-link')).toBe(applied.experimentKey)
    await b.shot('recommendations-applied')
    await link.click()
    await page().waitForURL(new RegExp(`/experiments/${applied.experimentKey}$`))
    const e = (await s.call('GET', `/api/v1/experiments/${applied.experimentKey}`)).body as ExperimentView
    await page().locator('h1', { hasText: e.name }).waitFor()
    expect(e.variants.map((v) => v.prompt?.version)).toEqual([1, applied.promptVersion])
    await page().locator('.results').waitFor()
  })

  it('dismisses one', async () => {
    await page().goto(`${s.url}/recommendations`)
    const r = (await recs())[0]!
    await card(r.id).getByRole('button', { name: 'Dismiss' }).click()
    await card(r.id).waitFor({ state: 'detached' })
    expect((await s.call('GET', `/api/v1/recommendations/${r.id}`)).body.status).toBe('dismissed')
    await page().getByRole('button', { name: 'Dismissed' }).click()
    await card(r.id).locator('.badge', { hasText: 'dismissed' }).waitFor()
  })

  it('logs the apply and reverts it: the experiment stops and the recommendation opens again', async () => {
    const [action] = (await s.call('GET', '/api/v1/optimize/actions')).body.data as OptimizationAction[]
    const row = page().locator(`tr[data-action="${action!.id}"]`)
    await row.waitFor()
    expect(await row.textContent()).toContain(action!.summary)
    await row.getByRole('button', { name: 'Revert…' }).click()
    await row.getByRole('button', { name: 'Revert', exact: true }).click()
    await page()
      .getByText(/^Reverted: /)
      .waitFor()
    await row.getByText(/^reverted /).waitFor()
    expect((await s.call('GET', `/api/v1/experiments/${action!.experimentKey}`)).body.status).toBe('stopped')
    expect((await s.call('GET', `/api/v1/recommendations/${action!.recommendationId}`)).body.status).toBe(
      'open',
    )
    await b.shot('recommendations-reverted')
  })

  it('generates recommendations from the traffic of the range', async () => {
    await page()
      .getByRole('button', { name: /^Generate from the last 7d/ })
      .click()
    await page()
      .getByText(/^Read \d+ interactions of production: /)
      .waitFor()
  })

  it('logged no console errors', () => {
    expect(b.errors).toEqual([])
    expect(b.dialogs).toEqual([])
  })
})
