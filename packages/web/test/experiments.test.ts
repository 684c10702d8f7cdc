import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_EXPERIMENT } from '../../server/src/demo/index.js'
import { sqlite } from '../../server/test/support/engines.js'
import { ev } from '../../server/test/support/events.js'
import { startTestServer, type TestServer } from '../../server/test/support/server.js'
import type { ExperimentResults, ExperimentView } from '../src/lib/api-types.js'
import { formatInterval, formatP, VERDICT } from '../src/pages/experiments/figures.js'
import { type Browser, openBrowser } from './support/browser.js'
import { ensureWebBuilt } from './support/build.js'
import { fillWithDemo } from './support/demo.js'
import { ingest } from './support/fixtures.js'
import { fitsWidth, shots, signIn } from './support/session.js'

const SKEWED = 'skewed-split'

describe('experiments in Chromium, on a server filled by the demo', () => {
  let s: TestServer
  let b: Browser

  beforeAll(async () => {
    await ensureWebBuilt()
    s = await startTestServer(sqlite)
    await fillWithDemo(s, { registry: true, conversations: 80 })
    // An experiment whose logging is broken: 50/50 by weight, 90/10 in the traces.
    const created = await s.call('POST', '/api/v1/experiments', {
      key: SKEWED,
      name: 'Skewed split',
      variants: [
        { key: 'a', overrides: { temperature: 0.2 } },
        { key: 'b', overrides: { temperature: 0.9 } },
      ],
      start: true,
    })
    expect(created.status).toBe(201)
    await ingest(
      s,
      Array.from({ length: 100 }, (_, i) =>
        ev('trace-create', {
          name: 'support-turn',
          userId: `skew-${i}`,
          input: 'Where is my parcel?',
          output: 'It arrives tomorrow.',
          latencyMs: 800 + i,
          experimentKey: SKEWED,
          experimentVariant: i < 90 ? 'a' : 'b',
        }),
      ),
    )
    b = await openBrowser({ width: 1366, height: 768 })
  }, 120_000)
  afterAll(async () => {
    await b?.close()
    await s?.close()
  })

  const page = () => b.page
  const results = async (key: string) =>
    (await s.call('GET', `/api/v1/experiments/${key}/results`)).body as ExperimentResults

  it('lists the experiments with their status', async () => {
    await signIn(b, s, '/experiments')
    const api = (await s.call('GET', '/api/v1/experiments')).body.data as ExperimentView[]
    await page().locator(`tr[data-experiment="${DEMO_EXPERIMENT}"]`).waitFor()
    expect(await page().locator('table.experiments tbody tr').count()).toBe(api.length)
    for (const e of api)
      expect(
        await page().locator(`tr[data-experiment="${e.key}"] [data-status]`).getAttribute('data-status'),
      ).toBe(e.status)
    await b.shot('experiments-list')
  })

  it('shows the demo experiment’s recommendation and intervals as the API computes them', async () => {
    await page().getByRole('link', { name: 'Empathetic tone' }).click()
    await page().locator('.results').waitFor()
    const r = await results(DEMO_EXPERIMENT)
    expect(r.srm?.mismatch).toBe(false)
    expect(await page().locator('[data-srm]').count()).toBe(0)
    const card = page().locator('section.recommendation')
    expect(await card.getAttribute('data-decision')).toBe(r.recommendation.decision)
    expect(await card.locator('.recommendation__summary').textContent()).toBe(r.recommendation.summary)
    expect(await card.locator('.recommendation__reasons li').allTextContents()).toEqual(
      r.recommendation.reasons,
    )
    for (const v of r.variants)
      expect(
        await page().locator(`.variants-table tr[data-variant="${v.key}"] [data-units]`).textContent(),
      ).toBe(String(v.units))
    expect(await page().locator('.metrics-table tbody tr').count()).toBe(
      r.metrics.reduce((n, m) => n + m.comparisons.length, 0),
    )
    for (const m of r.metrics) {
      for (const c of m.comparisons) {
        const row = page().locator(`.metrics-table tr[data-metric="${m.id}"][data-variant="${c.variant}"]`)
        expect(await row.getAttribute('data-verdict'), m.id).toBe(c.verdict)
        expect(await row.locator('[data-ci=fixed]').textContent(), m.id).toBe(
          formatInterval(c.relativeLift?.ci),
        )
        expect(await row.locator('[data-ci=always-valid]').textContent(), m.id).toBe(
          `AV ${formatInterval(c.sequential?.ciRelative)}`,
        )
        expect(await row.locator('td[data-p]').textContent(), m.id).toContain(
          `adj. ${formatP(c.pValueAdjusted)}`,
        )
        expect(await row.locator('.badge').last().textContent(), m.id).toBe(VERDICT[c.verdict].label)
        if (c.relativeLift) expect(await row.locator('svg.ci-bar').count(), m.id).toBe(1)
      }
    }
    expect(await fitsWidth(b)).toBe(true)
    await shots(b, 'experiments-results', 3)
  })

  it('warns of a sample-ratio mismatch when the API finds one', async () => {
    await page().goto(`${s.url}/experiments/${SKEWED}`)
    await page().locator('.results').waitFor()
    const r = await results(SKEWED)
    expect(r.srm?.mismatch).toBe(true)
    expect(await page().locator('[data-srm=mismatch]').textContent()).toContain('Sample-ratio mismatch')
    expect(await page().locator('section.recommendation').getAttribute('data-decision')).toBe('investigate')
    await b.shot('experiments-srm')
  })

  it('creates an experiment from the form, naming the field of a refused value', async () => {
    await page().goto(`${s.url}/experiments`)
    await page().getByRole('button', { name: 'New experiment' }).first().click()
    const form = page().locator('form.experiment-form')
    await form.locator('input[name=key]').fill('warmer-tone')
    await form.locator('input[name=name]').fill('Warmer tone')
    await form.locator('input[name="variants.1.weight"]').fill('-1')
    await form.getByRole('button', { name: 'Create experiment' }).click()
    expect(await form.locator('[data-field="variants.1.weight"] .form-field__error').textContent()).toMatch(
      /0 or more/,
    )
    await form.locator('input[name="variants.1.weight"]').fill('1')
    // What only the server knows comes back next to its field.
    await form.locator('input[name=primaryMetric]').fill('happiness')
    await form.getByRole('button', { name: 'Create experiment' }).click()
    await form.locator('[data-field=primaryMetric] .form-field__error').waitFor()
    expect(await form.locator('[data-field=primaryMetric] .form-field__error').textContent()).toMatch(
      /^Not a metric/,
    )
    await b.shot('experiments-form-error')
    await form.locator('input[name=primaryMetric]').fill('satisfaction')
    await form.locator('select[name="variants.1.prompt"]').selectOption('v:2')
    await form.getByRole('button', { name: 'Create experiment' }).click()
    await page().waitForURL(/\/experiments\/warmer-tone$/)
    const e = (await s.call('GET', '/api/v1/experiments/warmer-tone')).body as ExperimentView
    expect(e).toMatchObject({
      status: 'running',
      primaryMetric: 'satisfaction',
      settings: { sequential: true, minimumEffect: 0.05 },
    })
    expect(e.variants.map((v) => v.prompt)).toEqual([
      { name: 'support-system', version: 1, label: 'production' },
      { name: 'support-system', version: 2, label: null },
    ])
    await page().locator('.results').waitFor()
  })

  it('stops an experiment with a winner and a note', async () => {
    await page().getByRole('button', { name: 'Stop…' }).click()
    await page().locator('select[name=winner]').selectOption('treatment')
    await page().locator('input[name=note]').fill('enough for now')
    await page().getByRole('button', { name: 'Stop experiment' }).click()
    await page().locator('[data-status=stopped]').first().waitFor()
    const e = (await s.call('GET', '/api/v1/experiments/warmer-tone')).body as ExperimentView
    expect(e.status).toBe('stopped')
    expect(e.history.at(-1)).toMatchObject({ action: 'stopped', winner: 'treatment', note: 'enough for now' })
    expect(await page().locator('.history li').first().textContent()).toContain('enough for now')
  })

  it('logged no console errors but the refused metric', () => {
    expect(b.errors).toEqual([
      'Failed to load resource: the server responded with a status of 400 (Bad Request)',
    ])
    expect(b.dialogs).toEqual([])
  })
})
