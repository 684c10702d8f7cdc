import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES } from '../support/engines.js'
import { startTestServer, type TestServer } from '../support/server.js'
import { ingestAll, makeDataset, T0 } from './dataset.js'
import { directMetrics } from './direct-sql.js'

const HOUR = 3_600_000
const FROM = T0
const TO = T0 + 24 * HOUR
const range = `from=${FROM}&to=${TO}`

describe.each(ENGINES)('analytics API on $name', (engine) => {
  let s: TestServer
  beforeAll(async () => {
    s = await startTestServer(engine)
    await ingestAll(s.store.db, s.projectId, makeDataset({ sessions: 60, hours: 26, prefix: 'h' }))
  })
  afterAll(() => s?.close())

  it('answers the metrics of a window with the figures of a direct SQL count', async () => {
    const res = await s.call('GET', `/api/v1/analytics/metrics?${range}`, undefined, s.keys.read)
    expect(res.status).toBe(200)
    const d = await directMetrics(s.store.db, s.projectId, FROM, TO)
    expect(res.body.metrics.interactions).toBe(d.interactions)
    expect(res.body.metrics.errors).toBe(d.errors)
    expect(res.body.metrics.conversations).toBe(d.conversations.n)
    expect(res.body.metrics.cost.totalUsd).toBeCloseTo(d.cost, 9)
    expect(res.body.metrics.scores.relevance.mean).toBeCloseTo(d.scores.relevance!.mean, 9)
    expect(res.body.percentiles.relativeError).toBe(0.01)
  })

  it('groups by any rollup dimension and by user', async () => {
    for (const by of ['model', 'variant', 'prompt', 'category', 'user', 'tag']) {
      const res = await s.call(
        'GET',
        `/api/v1/analytics/metrics?${range}&groupBy=${by}`,
        undefined,
        s.keys.read,
      )
      expect(res.status, by).toBe(200)
      expect(res.body.groups.length, by).toBeGreaterThan(1)
    }
  })

  it('serves the dashboard overview in one call', async () => {
    const res = await s.call('GET', `/api/v1/analytics/overview?${range}`, undefined, s.keys.read)
    expect(res.status).toBe(200)
    const o = res.body
    expect(o.series).toHaveLength(24)
    expect(o.series.reduce((n: number, p: { interactions: number }) => n + p.interactions, 0)).toBe(
      o.metrics.interactions,
    )
    expect(o.kpis.conversations.current).toBe(o.metrics.conversations)
    expect(o.kpis.avgLatencyMs).toMatchObject({ test: 'welch-t' })
    expect(o.latencyHistogram.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(
      o.metrics.latencyMs.n,
    )
    expect(o.qualityVsLatency.length).toBeGreaterThan(10)
    expect(o.metrics.sentiment.n).toBeGreaterThan(0)
    expect(typeof o.anomalyMethod).toBe('string')
  })

  it('serves series, trends, topics, the review queue and one conversation', async () => {
    const series = await s.call(
      'GET',
      `/api/v1/analytics/series?${range}&interval=hour`,
      undefined,
      s.keys.read,
    )
    expect(series.body.points).toHaveLength(24)
    const trends = await s.call('GET', `/api/v1/analytics/trends?${range}`, undefined, s.keys.read)
    expect(trends.body.trends.find((t: { metric: string }) => t.metric === 'errorRate').test).toBe(
      'two-proportion-z',
    )
    const topics = await s.call('GET', `/api/v1/analytics/topics?${range}`, undefined, s.keys.read)
    expect(topics.body.topics.length).toBeGreaterThan(1)
    expect(topics.body.repeatedShare).toBeGreaterThan(0)
    const review = await s.call(
      'GET',
      `/api/v1/analytics/conversations/review?${range}`,
      undefined,
      s.keys.read,
    )
    expect(review.body.items.length).toBeGreaterThan(0)
    expect(review.body.items[0].reasons.length).toBeGreaterThan(0)
    const one = await s.call(
      'GET',
      `/api/v1/analytics/conversations/${review.body.items[0].sessionId}`,
      undefined,
      s.keys.read,
    )
    expect(one.status).toBe(200)
    expect(one.body.turns.length).toBeGreaterThan(0)
    expect(one.body.turns[0].stage).toBeTruthy()
    expect((await s.call('GET', '/api/v1/analytics/conversations/nope', undefined, s.keys.read)).status).toBe(
      404,
    )
  })

  it('answers bad input with 400 naming the field', async () => {
    const cases: [string, string][] = [
      ['/api/v1/analytics/metrics?window=2y', 'window'],
      ['/api/v1/analytics/metrics?window=91d', 'window'],
      ['/api/v1/analytics/metrics?window=30m', 'window'],
      [`/api/v1/analytics/metrics?from=${TO}&to=${FROM}`, 'from'],
      ['/api/v1/analytics/metrics?from=yesterday', 'from'],
      ['/api/v1/analytics/metrics?groupBy=planet', 'groupBy'],
      ['/api/v1/analytics/series?interval=week', 'interval'],
      ['/api/v1/analytics/series?window=60d&interval=hour', 'interval'],
      ['/api/v1/analytics/metrics?promptVersion=zero', 'promptVersion'],
      ['/api/v1/reports?days=0', 'days'],
      ['/api/v1/reports?format=pdf', 'format'],
      ['/api/v1/export?format=xml', 'format'],
    ]
    for (const [path, field] of cases) {
      const res = await s.call('GET', path, undefined, s.keys.read)
      expect(res.status, path).toBe(400)
      expect(res.body.error.field, path).toBe(field)
    }
  })

  it('needs a key with the read scope', async () => {
    expect((await s.call('GET', `/api/v1/analytics/metrics?${range}`, undefined, null)).status).toBe(401)
    expect((await s.call('GET', `/api/v1/analytics/metrics?${range}`, undefined, s.keys.ingest)).status).toBe(
      403,
    )
  })
})
