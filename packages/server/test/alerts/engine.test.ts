import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkProject, DEFAULT_RULES } from '../../src/alerts/index.js'
import { createProject } from '../../src/projects/index.js'
import { insertAlertChannel, listAlertEvents, listAlertRules } from '../../src/store/index.js'
import { ingestAll } from '../analytics/dataset.js'
import { ENGINES, type TestDb } from '../support/engines.js'
import { type Received, startReceiver } from './receiver.js'

const MIN = 60_000
const deliver = { post: { firstDelayMs: 5, attempts: 3 } }

describe.each(ENGINES)('alert engine on $name', (engine) => {
  let t: TestDb
  let projectId: string
  let receiver: Awaited<ReturnType<typeof startReceiver>>
  const t0 = Date.UTC(2026, 9, 1, 12, 0, 0)
  let n = 0

  const toxicTurn = (at: number, toxicity: number) => {
    const id = `tox-${++n}`
    return [
      {
        id: `${id}-e1`,
        type: 'trace-create',
        body: { id, timestamp: at, bot: 'support', latencyMs: 120, input: 'hi', output: 'hello' },
      },
      {
        id: `${id}-e2`,
        type: 'score-create',
        body: { traceId: id, name: 'toxicity', value: toxicity, timestamp: at },
      },
    ]
  }
  const byPath = (path: string) => receiver.received.filter((r: Received) => r.path === path)

  beforeAll(async () => {
    t = await engine.open()
    receiver = await startReceiver({ failFirst: 1 })
    projectId = (await createProject(t.db, 'alerts')).id
    await insertAlertChannel(t.db, {
      id: 'hook',
      projectId,
      name: 'generic',
      type: 'webhook',
      url: receiver.url('/generic'),
      enabled: true,
      createdAt: t0,
    })
    await insertAlertChannel(t.db, {
      id: 'slack',
      projectId,
      name: 'slack',
      type: 'slack',
      url: receiver.url('/slack'),
      enabled: true,
      createdAt: t0,
    })
  })
  afterAll(async () => {
    await receiver?.close()
    await t?.dispose()
  })

  it('gives every new project the default rule set of PRODUCT.md 3.3', async () => {
    const rules = await listAlertRules(t.db, projectId)
    expect(rules.map((r) => r.defaultKey).sort()).toEqual(Object.keys(DEFAULT_RULES).sort())
    const toxicity = rules.find((r) => r.defaultKey === 'toxicity')!
    expect(toxicity).toMatchObject({
      scope: 'interaction',
      metric: 'score:toxicity',
      comparator: 'gt',
      threshold: 0.1,
      severity: 'high',
      state: 'ok',
    })
    const slow = rules.find((r) => r.defaultKey === 'avg_response_time_5s')!
    expect(slow).toMatchObject({
      scope: 'window',
      metric: 'latency_ms',
      aggregation: 'mean',
      threshold: 5000,
      severity: 'high',
    })
    expect(rules.find((r) => r.defaultKey === 'high_quality_share')).toMatchObject({
      comparator: 'lt',
      threshold: 0.5,
    })
  })

  it('fires once on a toxic response and notifies both webhooks, retrying a 503', async () => {
    await ingestAll(t.db, projectId, toxicTurn(t0 - 2 * MIN, 0.6))
    const result = await checkProject(t.db, projectId, { now: t0, deliver })
    expect(result.events.map((e) => [e.ruleName, e.kind])).toEqual([['Toxic response', 'firing']])
    expect(byPath('/generic')).toHaveLength(1)
    expect(byPath('/slack')).toHaveLength(1)
    expect(receiver.requests()).toBe(3)
    const generic = byPath('/generic')[0]!.body
    expect(generic).toMatchObject({
      type: 'chatlens.alert',
      version: 1,
      status: 'firing',
      event: { ruleName: 'Toxic response', severity: 'high', value: 0.6, threshold: 0.1 },
    })
    expect(generic.event.details.traceIds).toEqual(['tox-1'])
    expect(byPath('/slack')[0]!.body.text).toContain('FIRING')
    expect(generic.text).toBe(
      '[FIRING] Toxic response (high): score:toxicity > 0.1; value 0.6, 1 of 1 interactions scored in the last 15 min',
    )
    expect(byPath('/slack')[0]!.body.blocks.length).toBeGreaterThan(1)
    const [event] = (await listAlertEvents(t.db, projectId, {}, { limit: 10 })).data
    expect(event).toMatchObject({ deliveryStatus: 'sent', suppressed: false })
    expect(event!.deliveries.map((d) => d.attempts).sort()).toEqual([1, 2])
  })

  it('stays firing without duplicate notifications, even when checked concurrently', async () => {
    await ingestAll(t.db, projectId, toxicTurn(t0 + MIN, 0.9))
    const results = await Promise.all(
      [1, 2, 3].map(() => checkProject(t.db, projectId, { now: t0 + 2 * MIN, deliver })),
    )
    expect(results.flatMap((r) => r.events)).toEqual([])
    expect(receiver.received).toHaveLength(2)
    expect((await listAlertRules(t.db, projectId)).find((r) => r.defaultKey === 'toxicity')!.state).toBe(
      'firing',
    )
  })

  it('resolves when the window holds no toxic response and notifies once', async () => {
    const now = t0 + 20 * MIN
    const results = await Promise.all([
      checkProject(t.db, projectId, { now, deliver }),
      checkProject(t.db, projectId, { now, deliver }),
    ])
    const events = results.flatMap((r) => r.events)
    expect(events.map((e) => [e.ruleName, e.kind])).toEqual([['Toxic response', 'resolved']])
    expect(byPath('/generic').map((r) => r.body.status)).toEqual(['firing', 'resolved'])
    expect(byPath('/slack')).toHaveLength(2)
  })

  it('records a firing within the cool-down without sending it', async () => {
    const now = t0 + 25 * MIN
    await ingestAll(t.db, projectId, toxicTurn(now - MIN, 0.7))
    const fired = await checkProject(t.db, projectId, { now, deliver })
    expect(fired.events).toMatchObject([{ kind: 'firing', suppressed: true, deliveryStatus: 'skipped' }])
    const resolved = await checkProject(t.db, projectId, { now: now + 20 * MIN, deliver })
    expect(resolved.events).toMatchObject([{ kind: 'resolved', suppressed: true }])
    expect(receiver.received).toHaveLength(4)
    const history = await listAlertEvents(t.db, projectId, {}, { limit: 10 })
    expect(history.data.map((e) => e.kind)).toEqual(['resolved', 'firing', 'resolved', 'firing'])
  })

  it('notifies again once the cool-down has passed', async () => {
    const now = t0 + 120 * MIN
    await ingestAll(t.db, projectId, toxicTurn(now - MIN, 0.8))
    const fired = await checkProject(t.db, projectId, { now, deliver })
    expect(fired.events).toMatchObject([{ kind: 'firing', suppressed: false }])
    expect(byPath('/generic').map((r) => r.body.status)).toEqual(['firing', 'resolved', 'firing'])
  })
})
