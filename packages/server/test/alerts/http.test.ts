import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES } from '../support/engines.js'
import { ev } from '../support/events.js'
import { startTestServer, type TestServer } from '../support/server.js'
import { startReceiver } from './receiver.js'

describe.each(ENGINES)('alerts API on $name', (engine) => {
  let s: TestServer
  let receiver: Awaited<ReturnType<typeof startReceiver>>
  beforeAll(async () => {
    s = await startTestServer(engine)
    receiver = await startReceiver()
  })
  afterAll(async () => {
    await receiver?.close()
    await s?.close()
  })

  const rule = {
    name: 'Errors above 10 %',
    scope: 'window',
    metric: 'error_rate',
    comparator: 'gt',
    threshold: 0.1,
    windowMinutes: 30,
    severity: 'high',
    minSample: 3,
    filters: { bot: 'checkout' },
  }

  it('lists the default rules of the project', async () => {
    const res = await s.call('GET', '/api/v1/alerts/rules', undefined, s.keys.read)
    expect(res.status).toBe(200)
    expect(res.body.data).toHaveLength(10)
    expect(res.body.data.every((r: { defaultKey: string | null }) => r.defaultKey)).toBe(true)
  })

  it('answers bad rules and channels with 400 naming the field', async () => {
    const cases: [string, unknown, string][] = [
      ['/api/v1/alerts/rules', { ...rule, metric: 'happiness' }, 'metric'],
      ['/api/v1/alerts/rules', { ...rule, aggregation: 'p95' }, 'aggregation'],
      ['/api/v1/alerts/rules', { ...rule, comparator: 'above' }, 'comparator'],
      ['/api/v1/alerts/rules', { ...rule, threshold: 'high' }, 'threshold'],
      ['/api/v1/alerts/rules', { ...rule, windowMinutes: 0 }, 'windowMinutes'],
      ['/api/v1/alerts/rules', { ...rule, filters: { planet: 'mars' } }, 'filters'],
      [
        '/api/v1/alerts/rules',
        { ...rule, scope: 'interaction', metric: 'score:toxicity', filters: { category: 'billing' } },
        'filters.category',
      ],
      ['/api/v1/alerts/channels', { name: 'ops', type: 'webhook' }, 'url'],
      ['/api/v1/alerts/channels', { name: 'ops', type: 'pager', url: 'http://x' }, 'type'],
    ]
    for (const [path, body, field] of cases) {
      const res = await s.call('POST', path, body)
      expect(res.status, field).toBe(400)
      expect(res.body.error.field, field).toBe(field)
    }
  })

  it('lets only admin keys change rules', async () => {
    expect((await s.call('POST', '/api/v1/alerts/rules', rule, s.keys.read)).status).toBe(403)
  })

  it('creates a rule, fires it on demand, notifies the channel once and keeps the history', async () => {
    const channel = await s.call('POST', '/api/v1/alerts/channels', {
      name: 'ops',
      type: 'webhook',
      url: receiver.url('/ops'),
    })
    expect(channel.status).toBe(201)
    const created = await s.call('POST', '/api/v1/alerts/rules', rule)
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      metric: 'error_rate',
      aggregation: 'value',
      windowMs: 30 * 60_000,
      state: 'ok',
    })

    const now = Date.now()
    const batch = [0, 1, 2, 3].map((i) =>
      ev('trace-create', {
        id: `chk-${i}`,
        timestamp: now - 60_000,
        bot: 'checkout',
        status: i < 2 ? 'error' : 'ok',
        latencyMs: 300,
      }),
    )
    expect((await s.call('POST', '/api/v1/ingest', { batch }, s.keys.ingest)).status).toBe(207)

    const check = await s.call('POST', '/api/v1/alerts/check')
    expect(check.status).toBe(200)
    expect(check.body.events.map((e: { ruleName: string; kind: string }) => [e.ruleName, e.kind])).toEqual([
      [rule.name, 'firing'],
    ])
    expect((await s.call('POST', '/api/v1/alerts/check')).body.events).toEqual([])
    expect(receiver.received).toHaveLength(1)
    expect(receiver.received[0]!.body.event).toMatchObject({ ruleName: rule.name, value: 0.5, sample: 4 })

    const history = await s.call(
      'GET',
      `/api/v1/alerts/events?ruleId=${created.body.id}`,
      undefined,
      s.keys.read,
    )
    expect(history.body.data).toHaveLength(1)
    expect(history.body.data[0]).toMatchObject({ kind: 'firing', deliveryStatus: 'sent' })

    const disabled = await s.call('PUT', `/api/v1/alerts/rules/${created.body.id}`, {
      ...rule,
      enabled: false,
    })
    expect(disabled.body).toMatchObject({ enabled: false, state: 'firing' })
    expect((await s.call('DELETE', `/api/v1/alerts/rules/${created.body.id}`)).status).toBe(204)
    expect((await s.call('GET', `/api/v1/alerts/rules/${created.body.id}`)).status).toBe(404)
  })
})
