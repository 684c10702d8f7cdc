import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestServer } from '../../server/test/support/server.js'
import type {
  RunCompareResult,
  RunSummary,
  StoredDataset,
  StoredDatasetItem,
  StoredRun,
} from '../src/lib/api-types.js'
import { formatPercent } from '../src/lib/format.js'
import type { Browser } from './support/browser.js'
import { improvedDemoSession } from './support/demo.js'
import { fitsWidth, shots, signIn } from './support/session.js'

const DATASET = 'support-faq'
const jsonl = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      id: `ship-${i + 1}`,
      query: `How long does shipping to zone ${i + 1} take?`,
      expected: '3–5 business days',
    }),
  ).join('\n')

describe('datasets and runs in Chromium, on a server filled by the demo', () => {
  let s: TestServer
  let b: Browser

  beforeAll(async () => {
    ;({ s, b } = await improvedDemoSession(40))
  }, 120_000)
  afterAll(async () => {
    await b?.close()
    await s?.close()
  })

  const page = () => b.page
  const runs = async () => (await s.call('GET', `/api/v1/datasets/${DATASET}/runs`)).body.data as StoredRun[]

  it('lists the datasets and pages through a version’s items', async () => {
    await signIn(b, s, '/datasets')
    const api = (await s.call('GET', '/api/v1/datasets')).body.data as StoredDataset[]
    await page().locator(`tr[data-dataset="${DATASET}"]`).waitFor()
    expect(await page().locator(`tr[data-dataset="${DATASET}"] td.num`).first().textContent()).toBe(
      String(api.find((d) => d.name === DATASET)!.itemCount),
    )
    await b.shot('datasets-list')
    await page().getByRole('link', { name: DATASET }).click()
    await page().locator('table.items tbody tr').first().waitFor()
    const items = (await s.call('GET', `/api/v1/datasets/${DATASET}/items`)).body.data as StoredDatasetItem[]
    expect(await page().locator('table.items tbody tr').count()).toBe(items.length)
    expect(await page().locator(`tr[data-item="${items[0]!.id}"]`).textContent()).toContain(
      items[0]!.expected as string,
    )
  })

  it('creates a dataset from a JSONL file, shows a bad file’s line next to the field, and pages its items', async () => {
    await page().goto(`${s.url}/datasets`)
    await page().getByRole('button', { name: 'New dataset' }).first().click()
    const form = page().locator('form.dataset-form')
    await form.locator('input[name=name]').fill('shipping-zones')
    await form.locator('input[type=file]').setInputFiles({
      name: 'zones.jsonl',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(`${jsonl(2)}\n{"expected": "no query here"}\n`),
    })
    await form.getByRole('button', { name: 'Create dataset' }).click()
    const error = form.locator('[data-field=content] .form-field__error')
    await error.waitFor()
    expect(await error.textContent()).toMatch(/^Line 3: /)
    await b.shot('datasets-import-error')
    await form.locator('input[type=file]').setInputFiles({
      name: 'zones.jsonl',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(jsonl(60)),
    })
    await form.getByRole('button', { name: 'Create dataset' }).click()
    await page().waitForURL(/\/datasets\/shipping-zones$/)
    await page().locator('.pager').waitFor()
    expect(await page().locator('table.items tbody tr').count()).toBe(50)
    expect(await page().locator('.pager').textContent()).toContain('Items 1–50 of 60')
    await page().getByRole('button', { name: 'Next' }).click()
    await page().locator('.pager', { hasText: 'Items 51–60 of 60' }).waitFor()
    expect(await page().locator('tr[data-item=ship-60]').count()).toBe(1)
  })

  it('starts a run from the form and follows it to the end, with each answer’s checks', async () => {
    await page().goto(`${s.url}/datasets/${DATASET}?tab=runs`)
    await page().locator('table.runs tbody tr').first().waitFor()
    await page().getByRole('button', { name: 'Start a run' }).click()
    const form = page().locator('form.run-form')
    await form.locator('input[name=name]').fill('max 12 tokens')
    await form.locator('input[name=maxTokens]').fill('12')
    await form.locator('input[name=check-no-ai]').check()
    await form.getByRole('button', { name: 'Start run' }).click()
    await page().waitForURL(/\/runs\//)
    await page().locator('.page[data-run-status=completed]').waitFor({ timeout: 30_000 })
    const run = (await runs()).find((r) => r.name === 'max 12 tokens')!
    expect(run.config).toMatchObject({ prompt: { name: 'support-system', version: 1 }, maxTokens: 12 })
    const summary = run.summary as unknown as RunSummary
    expect(await page().locator('[data-pass-rate]').textContent()).toBe(formatPercent(summary.passRate))
    await page()
      .locator('table.run-items tbody tr')
      .nth(summary.executions - 1)
      .waitFor()
    expect(await page().locator('table.run-items tbody tr').count()).toBe(summary.executions)
    const failed = page().locator('table.run-items tr[data-passed=false] [data-check=fail]')
    expect(await failed.count()).toBe(summary.assertions.reduce((n, a) => n + a.failed, 0))
    expect(await fitsWidth(b)).toBe(true)
    await shots(b, 'datasets-run', 2)
  })

  it('compares two runs item by item and lists the regressed items', async () => {
    await page().goto(`${s.url}/datasets/${DATASET}?tab=runs`)
    const [candidate, baseline] = await runs()
    await page().locator('select[name=candidate]').selectOption(candidate!.id)
    await page().locator('select[name=baseline]').selectOption(baseline!.id)
    await page().getByRole('button', { name: 'Compare', exact: true }).click()
    await page().waitForURL(/\/compare\?/)
    const api = (await s.call('GET', `/api/v1/runs/${candidate!.id}/compare?baseline=${baseline!.id}`))
      .body as RunCompareResult
    expect(api.regressed.length).toBeGreaterThan(0)
    await page().locator('[data-regression]').waitFor()
    expect(await page().locator('[data-regression]').getAttribute('data-regression')).toBe(
      String(api.gate.regression),
    )
    expect(await page().locator('[data-regression]').textContent()).toContain(api.gate.summary)
    await page().getByRole('button', { name: 'Regressed' }).click()
    const shown = await page()
      .locator('table.compare-items tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-item')))
    expect(shown.sort()).toEqual([...api.regressed].sort())
    for (const m of api.metrics)
      expect(
        await page()
          .locator(`table.compare-metrics tr[data-metric="${m.metric}"] td.num`)
          .first()
          .textContent(),
      ).toBe(String(m.pairs))
    await page().getByRole('button', { name: 'Changed' }).click()
    expect(await fitsWidth(b)).toBe(true)
    await shots(b, 'datasets-compare', 2)
  })

  it('adds turns picked in the traces explorer to a new dataset', async () => {
    await page().goto(`${s.url}/traces?environment=production`)
    await page().getByRole('button', { name: 'Select…' }).click()
    const rows = page().locator('.vtable__body [role=row]')
    await rows.nth(1).waitFor()
    const ids = await rows.evaluateAll((rs) =>
      rs
        .slice(0, 2)
        .map((r) => decodeURIComponent(r.getAttribute('href')!.split('/traces/')[1]!.split('?')[0]!)),
    )
    await rows.nth(0).click()
    await rows.nth(1).click()
    expect(page().url()).toMatch(/\/traces\?/)
    await page().locator('.select-bar select[name=dataset]').selectOption('')
    await page().locator('.select-bar input[name=datasetName]').fill('picked-turns')
    await page().getByRole('button', { name: 'Add to dataset' }).click()
    await page().locator('.select-bar', { hasText: '2 added' }).waitFor()
    await b.shot('traces-add-to-dataset')
    const items = (await s.call('GET', '/api/v1/datasets/picked-turns/items')).body
      .data as StoredDatasetItem[]
    expect(items.map((i) => i.id).sort()).toEqual(ids.sort())
    expect(items.every((i) => i.sourceTraceId !== null)).toBe(true)
  })

  it('logged no console errors but the refused file', () => {
    expect(b.errors).toEqual([
      'Failed to load resource: the server responded with a status of 400 (Bad Request)',
    ])
    expect(b.dialogs).toEqual([])
  })
})
