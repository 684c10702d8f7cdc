import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PROMPT } from '../../server/src/demo/index.js'
import type { TestServer } from '../../server/test/support/server.js'
import type { PromptDiff, PromptListItem, PromptVersions } from '../src/lib/api-types.js'
import type { Browser } from './support/browser.js'
import { improvedDemoSession } from './support/demo.js'
import { XSS } from './support/fixtures.js'
import { fitsWidth, shots, signIn } from './support/session.js'

describe('prompts in Chromium, on a server filled by the demo', () => {
  let s: TestServer
  let b: Browser

  beforeAll(async () => {
    ;({ s, b } = await improvedDemoSession(40))
    // A prompt whose text is an HTML injection: it must be shown as text.
    await s.call('POST', '/api/v1/prompts', { name: 'xss', messages: [{ role: 'system', content: XSS }] })
  }, 120_000)
  afterAll(async () => {
    await b?.close()
    await s?.close()
  })

  const page = () => b.page
  const versions = async () =>
    (await s.call('GET', `/api/v1/prompts/${DEMO_PROMPT}/versions`)).body as PromptVersions

  it('lists every prompt with its versions and where its labels point', async () => {
    await signIn(b, s, '/prompts')
    const api = (await s.call('GET', '/api/v1/prompts')).body.data as PromptListItem[]
    await page().locator(`tr[data-prompt="${DEMO_PROMPT}"]`).waitFor()
    expect(await page().locator('table.prompts tbody tr').count()).toBe(api.length)
    const row = page().locator(`tr[data-prompt="${DEMO_PROMPT}"]`)
    const demo = api.find((p) => p.name === DEMO_PROMPT)!
    for (const [label, version] of Object.entries(demo.labels))
      expect(await row.locator(`[data-label="${label}"]`).textContent()).toBe(`${label} → v${version}`)
    await b.shot('prompts-list')
  })

  it('shows a version with its labels, variables and messages', async () => {
    await page().getByRole('link', { name: DEMO_PROMPT }).click()
    await page().locator('.version-view').waitFor()
    const { data } = await versions()
    expect(await page().locator('.version-list__item').count()).toBe(data.length)
    expect(await page().locator('.version-view').getAttribute('data-version')).toBe(String(data[0]!.version))
    expect(await page().locator('.prompt-message__text').first().textContent()).toBe(
      data[0]!.messages[0]!.content,
    )
    expect(await page().locator('mark.variable').first().textContent()).toBe('{{store}}')
    await b.shot('prompts-version')
  })

  it('shows the changed line of a diff side by side and unified', async () => {
    await page().getByRole('button', { name: 'Diff' }).click()
    await page().locator('[data-diff=side]').waitFor()
    const diff = (await s.call('GET', `/api/v1/prompts/${DEMO_PROMPT}/diff?from=1&to=2`)).body as PromptDiff
    const lines = diff.messages.flatMap((m) => m.lines)
    const removed = lines.find((l) => l.op === 'remove')!.text
    const added = lines.find((l) => l.op === 'add')!.text
    expect(await page().locator('.diff__cell--remove').first().textContent()).toBe(removed)
    expect(await page().locator('.diff__cell--add').first().textContent()).toBe(added)
    // The words that changed within the line are marked.
    expect(await page().locator('.diff__cell--add mark').allTextContents()).toContain('warm')
    expect(await fitsWidth(b)).toBe(true)
    await b.shot('prompts-diff-side')
    await page().getByRole('button', { name: 'Unified' }).click()
    await page().locator('[data-diff=unified]').waitFor()
    expect(await page().locator('.diff-unified__line.is-remove').allTextContents()).toContain(`-${removed}`)
    expect(await page().locator('.diff-unified__line.is-add').allTextContents()).toContain(`+${added}`)
    await b.shot('prompts-diff-unified')
  })

  it('shows the 400 of a missing variable next to its field, then renders', async () => {
    await page().getByRole('button', { name: 'Render' }).click()
    await page().getByRole('button', { name: 'Render', exact: true }).last().click()
    const error = page().locator('[data-field="variables.store"] .form-field__error')
    await error.waitFor()
    const api = await s.call('POST', `/api/v1/prompts/${DEMO_PROMPT}/render`, {
      version: (await versions()).data[0]!.version,
      variables: {},
    })
    expect(api.status).toBe(400)
    const text = api.body.error.message.replace(/^variables\.store: /, '')
    expect(await error.textContent()).toBe(text.charAt(0).toUpperCase() + text.slice(1))
    await b.shot('prompts-render-missing')
    await page().locator('input[name="variables.store"]').fill('Acme Outdoor')
    await page().getByRole('button', { name: 'Render', exact: true }).last().click()
    await page().locator('[data-rendered]').waitFor()
    expect(await page().locator('[data-rendered] .prompt-message__text').textContent()).toContain(
      'support assistant of Acme Outdoor',
    )
  })

  it('creates a version with a commit message and a label, and moves a label', async () => {
    await page().getByRole('button', { name: 'New version' }).click()
    const form = page().locator('form.version-form')
    const text = form.locator('textarea[name="messages.0.content"]')
    await text.fill(`${await text.inputValue()}\nAlways end with the order number.`)
    await form.locator('input[name=commitMessage]').fill('Repeat the order number')
    await form.locator('input[name=temperature]').fill('7')
    await form.getByRole('button', { name: 'Create version' }).click()
    expect(await form.locator('[data-field=temperature] .form-field__error').textContent()).toBe(
      'A number from 0 to 2.',
    )
    await form.locator('input[name=temperature]').fill('0.3')
    await form.locator('input[name=label-preview]').check()
    await form.getByRole('button', { name: 'Create version' }).click()
    await page().waitForURL(/v=3/)
    await page().locator('.version-view[data-version="3"]').waitFor()
    const v3 = (await versions()).data.find((v) => v.version === 3)!
    expect(v3).toMatchObject({ commitMessage: 'Repeat the order number', temperature: 0.3 })
    expect(v3.labels).toContain('preview')
    expect(await page().locator('.diff__cell--add').count()).toBe(0)

    await page().locator('select[name=label]').selectOption('staging')
    await page().getByRole('button', { name: 'Move label', exact: true }).click()
    await page().getByText('staging now points at v3.').waitFor()
    expect((await versions()).prompt.labels.staging).toBe(3)
    await shots(b, 'prompts-new-version', 2)
  })

  it('shows an injected prompt as text', async () => {
    await page().goto(`${s.url}/prompts/xss`)
    await page().locator('.prompt-message__text').waitFor()
    expect(await page().locator('.prompt-message__text').textContent()).toBe(XSS)
    expect(await page().locator('img').count()).toBe(0)
    expect(b.dialogs).toEqual([])
  })

  it('logged no console errors but the refused render', () => {
    expect(b.errors).toEqual([
      'Failed to load resource: the server responded with a status of 400 (Bad Request)',
    ])
  })
})
