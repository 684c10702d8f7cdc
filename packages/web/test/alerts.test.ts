import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sqlite } from '../../server/test/support/engines.js'
import { ev } from '../../server/test/support/events.js'
import { startTestServer, type TestServer } from '../../server/test/support/server.js'
import type { AlertEvent, AlertRule } from '../src/lib/api-types.js'
import { type Browser, openBrowser } from './support/browser.js'
import { ensureWebBuilt } from './support/build.js'
import { ingest } from './support/fixtures.js'

const RULE = 'Traffic in the last hour'
const row = (name: string) => `.rules tr:has(.strong:text-is("${name}"))`

/** Interactions that happen now, so window rules of the last hour see them. */
function freshTraffic(n: number) {
  return Array.from({ length: n }, (_, i) =>
    ev('trace-create', {
      id: `fresh-${Date.now()}-${i}`,
      name: 'support-turn',
      timestamp: new Date(Date.now() - i * 1000).toISOString(),
      bot: 'support',
      input: 'Where is my parcel?',
      output: 'It arrives tomorrow.',
      latencyMs: 900 + i,
    }),
  )
}

describe('alerts in Chromium', () => {
  let s: TestServer
  let b: Browser

  beforeAll(async () => {
    await ensureWebBuilt()
    s = await startTestServer(sqlite)
    await ingest(s, freshTraffic(5))
    b = await openBrowser({ width: 1366, height: 768 })
  })
  afterAll(async () => {
    await b?.close()
    await s?.close()
  })

  const page = () => b.page
  const rules = async () => (await s.call('GET', '/api/v1/alerts/rules')).body.data as AlertRule[]

  it('lists the default rules with their condition, severity and state', async () => {
    const token = s.server.auth.mintLocalToken(s.projectId, ['admin'], 'dashboard')
    await page().goto(`${s.url}/alerts?token=${token}`)
    await page().locator('.rules tbody tr').first().waitFor()
    const api = await rules()
    expect(await page().locator('.rules tbody tr').count()).toBe(api.length)
    expect(await page().locator(row('Slow response')).textContent()).toContain(
      'Latency > 2.00 s in any interaction of the last 15 min',
    )
    expect(await page().locator(row('Toxic response')).locator('.badge').allTextContents()).toContain('high')
    await b.shot('alerts-1366')
  })

  it('shows a bad threshold’s error next to the field and keeps the rule out', async () => {
    await page().getByRole('button', { name: 'New rule' }).click()
    const form = page().locator('form.rule-form')
    await form.locator('input[name=name]').fill(RULE)
    await form.locator('select[name=metric]').selectOption('interactions')
    await form.locator('input[name=threshold]').fill('lots')
    await form.getByRole('button', { name: 'Create rule' }).click()
    const error = form.locator('[data-field=threshold] .form-field__error')
    expect(await error.textContent()).toBe('Enter a number, for example 0.7 or 2000.')
    expect(await form.locator('input[name=threshold]').getAttribute('aria-invalid')).toBe('true')
    expect(await form.locator('[data-field=name] .form-field__error').count()).toBe(0)
    await b.shot('alerts-form-error')

    // A rate is a share: 5 (for 5 %) is caught before it reaches the server.
    await form.locator('select[name=metric]').selectOption('error_rate')
    await form.locator('input[name=threshold]').fill('5')
    await form.getByRole('button', { name: 'Create rule' }).click()
    expect(await error.textContent()).toMatch(/between 0 and 1/)

    // What only the server knows comes back next to its field too.
    await form.locator('select[name=metric]').selectOption('score')
    await form.locator('input[name=scoreName]').fill('x'.repeat(130))
    await form.locator('input[name=threshold]').fill('0.5')
    await form.getByRole('button', { name: 'Create rule' }).click()
    await form.locator('[data-field=metric] .form-field__error').waitFor()
    expect(await form.locator('[data-field=metric] .form-field__error').textContent()).toMatch(/120/)
    expect((await rules()).some((r) => r.name === RULE)).toBe(false)
  })

  it('creates a valid rule, lists it and fires it on "Check now"', async () => {
    const form = page().locator('form.rule-form')
    await form.locator('select[name=metric]').selectOption('interactions')
    await form.locator('input[name=threshold]').fill('0')
    await form.locator('input[name=windowMinutes]').fill('60')
    await form.locator('select[name=severity]').selectOption('high')
    await form.locator('input[name="filters.bot"]').fill('support')
    await form.getByRole('button', { name: 'Create rule' }).click()
    await page().locator(row(RULE)).waitFor()
    expect(await form.count()).toBe(0)
    const created = (await rules()).find((r) => r.name === RULE)!
    expect(created).toMatchObject({
      metric: 'interactions',
      threshold: 0,
      severity: 'high',
      filters: { bot: 'support' },
    })
    expect(await page().locator(row(RULE)).textContent()).toContain('Interactions > 0 over the last 1 h')

    await page().getByRole('button', { name: 'Check now' }).click()
    await page()
      .getByText(/^Checked \d+ rules at .*started firing/)
      .waitFor()
    await page().locator(row(RULE)).getByText('Firing').waitFor()
    const firing = (await rules()).filter((r) => r.enabled && r.state === 'firing').length
    await page()
      .locator('.sidebar__count', { hasText: new RegExp(`^${firing}$`) })
      .waitFor()
    const events = (await s.call('GET', `/api/v1/alerts/events?ruleId=${created.id}`)).body
      .data as AlertEvent[]
    expect(events.map((e) => e.kind)).toEqual(['firing'])
    const event = page().locator(`.events tr[data-event-id="${events[0]!.id}"]`)
    await event.waitFor()
    expect(await event.textContent()).toContain('Firing')
    expect(await event.textContent()).toContain(`${events[0]!.value} > 0`)
    await b.shot('alerts-firing')
  })

  it('edits the rule and records its resolution', async () => {
    await page().locator(row(RULE)).getByRole('button', { name: 'Edit' }).click()
    const form = page().locator('form.rule-form')
    expect(await form.locator('input[name=threshold]').inputValue()).toBe('0')
    await form.locator('input[name=threshold]').fill('100000')
    await form.getByRole('button', { name: 'Save rule' }).click()
    await page().locator(row(RULE)).getByText('100000').waitFor()
    await page().getByRole('button', { name: 'Check now' }).click()
    await page()
      .getByText(/^Checked \d+ rules at .*1 resolved/)
      .waitFor()
    await page().locator('.events tr[data-kind=resolved]').first().waitFor()
    await page().getByRole('button', { name: 'Resolved' }).click()
    await page().waitForURL(/kind=resolved/)
    await page().locator('.events tr[data-kind=resolved]', { hasText: RULE }).waitFor()
    expect(await page().locator('.events tr[data-kind=firing]').count()).toBe(0)
  })

  it('mutes, enables and deletes a rule', async () => {
    await page().locator(row(RULE)).getByRole('button', { name: 'Mute' }).click()
    await page().locator(row(RULE)).getByText('Muted').waitFor()
    expect((await rules()).find((r) => r.name === RULE)!.enabled).toBe(false)
    await page().locator(row(RULE)).getByRole('button', { name: 'Enable' }).click()
    await page().locator(row(RULE)).getByRole('button', { name: 'Mute' }).waitFor()
    expect((await rules()).find((r) => r.name === RULE)!.enabled).toBe(true)

    await page()
      .locator(row(RULE))
      .getByRole('button', { name: `Delete ${RULE}` })
      .click()
    await page().locator(row(RULE)).getByRole('button', { name: 'Delete', exact: true }).click()
    await page().locator(row(RULE)).waitFor({ state: 'detached' })
    expect((await rules()).some((r) => r.name === RULE)).toBe(false)
  })

  it('fits a 1440 × 900 screen', async () => {
    await page().setViewportSize({ width: 1440, height: 900 })
    await page().getByRole('button', { name: 'All', exact: true }).click()
    await page().locator('.events tbody tr').first().waitFor()
    expect(await page().evaluate(() => document.querySelector('.content')!.scrollWidth <= innerWidth)).toBe(
      true,
    )
    await b.shot('alerts-1440')
  })

  it('logged no console errors but the refused rule', () => {
    // Chromium logs every 4xx response; the one expected is the rule the server refused.
    expect(b.errors).toEqual([
      'Failed to load resource: the server responded with a status of 400 (Bad Request)',
    ])
    expect(b.dialogs).toEqual([])
  })
})
