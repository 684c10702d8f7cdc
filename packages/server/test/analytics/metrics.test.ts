import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  buildAllDirtyHours,
  getMetrics,
  type Metrics,
  SKETCH_RELATIVE_ERROR,
} from '../../src/analytics/index.js'
import { createProject } from '../../src/projects/index.js'
import { countDirtyHours } from '../../src/store/index.js'
import { ENGINES, type TestDb } from '../support/engines.js'
import { ingestAll, makeDataset, T0 } from './dataset.js'
import { directMetrics } from './direct-sql.js'

const HOUR = 3_600_000

function expectMatches(m: Metrics, d: Awaited<ReturnType<typeof directMetrics>>) {
  expect(m.interactions).toBe(d.interactions)
  expect(m.errors).toBe(d.errors)
  expect(m.latencyMs.n).toBe(d.latency.n)
  expect(m.latencyMs.mean).toBeCloseTo(d.latency.mean!, 6)
  expect(m.latencyMs.std).toBeCloseTo(d.latency.std, 4)
  expect(m.latencyMs.min).toBe(d.latency.min)
  expect(m.latencyMs.max).toBe(d.latency.max)
  for (const [q, exact] of [
    ['median', d.latency.p50],
    ['p95', d.latency.p95],
    ['p99', d.latency.p99],
  ] as const) {
    expect(
      Math.abs(m.latencyMs[q]! - exact!) / exact!,
      `${q}: ${m.latencyMs[q]} vs ${exact}`,
    ).toBeLessThanOrEqual(SKETCH_RELATIVE_ERROR)
  }
  expect(m.timeToFirstTokenMs.mean).toBeCloseTo(d.ttftMean!, 6)
  // The same range whether the hours were read from rollups or from raw rows.
  expect(m.timeToFirstTokenMs.min).toBe(d.ttftMin)
  expect(m.timeToFirstTokenMs.max).toBe(d.ttftMax)
  expect(m.tokens.total).toBe(d.tokens)
  expect(m.cost.totalUsd).toBeCloseTo(d.cost, 9)
  for (const [name, s] of Object.entries(d.scores)) {
    expect(m.scores[name]!.n, name).toBe(s.n)
    expect(m.scores[name]!.mean).toBeCloseTo(s.mean, 9)
    expect(m.scores[name]!.highShare).toBeCloseTo(s.high, 9)
  }
  expect(m.quality.highShare).toBeCloseTo(d.scores.quality!.high, 9)
  expect(m.sentiment.positive).toBeCloseTo(d.scores.sentiment!.pos, 9)
  expect(m.sentiment.negative).toBeCloseTo(d.scores.sentiment!.neg, 9)
  expect(m.categories).toEqual(d.categories)
  expect(m.conversations).toBe(d.conversations.n)
  expect(m.conversation.turnsMean).toBeCloseTo(d.conversations.turnsMean!, 9)
  expect(m.cost.perConversationUsd).toBeCloseTo(d.conversations.cost / d.conversations.n, 9)
  expect(m.conversation.resolutionRate).toBeCloseTo(
    d.conversations.resolvedYes / d.conversations.resolvedKnown,
    9,
  )
  expect(m.conversation.satisfaction.n).toBe(d.conversations.satisfactionN)
  expect(m.conversation.satisfaction.mean).toBeCloseTo(d.conversations.satisfaction!, 9)
}

/** Two answers for the same data agree, whichever path (rollups or raw rows) computed them. */
function expectSameFigures(a: Metrics, b: Metrics) {
  expect(a.interactions).toBe(b.interactions)
  expect(a.errors).toBe(b.errors)
  for (const k of ['n', 'min', 'max'] as const) {
    expect(a.latencyMs[k]).toBe(b.latencyMs[k])
    expect(a.timeToFirstTokenMs[k]).toBe(b.timeToFirstTokenMs[k])
  }
  expect(a.latencyMs.mean).toBeCloseTo(b.latencyMs.mean!, 6)
  expect(a.latencyMs.std).toBeCloseTo(b.latencyMs.std!, 4)
  expect(a.latencyMs.p95).toBeCloseTo(b.latencyMs.p95!, 6)
  expect(a.tokens.total).toBe(b.tokens.total)
  expect(a.cost.totalUsd).toBeCloseTo(b.cost.totalUsd, 9)
  expect(Object.keys(a.scores).sort()).toEqual(Object.keys(b.scores).sort())
  for (const [name, s] of Object.entries(b.scores)) {
    expect(a.scores[name]!.n, name).toBe(s.n)
    expect(a.scores[name]!.mean).toBeCloseTo(s.mean!, 9)
  }
  expect(a.categories).toEqual(b.categories)
  expect(a.conversations).toBe(b.conversations)
  expect(a.conversation.turnsMean).toBeCloseTo(b.conversation.turnsMean!, 9)
  expect(a.conversation.resolutionRate).toBeCloseTo(b.conversation.resolutionRate!, 9)
  expect(a.conversation.satisfaction.n).toBe(b.conversation.satisfaction.n)
  expect(a.cost.perConversationUsd).toBeCloseTo(b.cost.perConversationUsd!, 9)
}

describe.each(ENGINES)('metrics on $name', (engine) => {
  let t: TestDb
  let P: string
  beforeAll(async () => {
    t = await engine.open()
    P = (await createProject(t.db, 'metrics')).id
    await ingestAll(t.db, P, makeDataset({ sessions: 80, hours: 30 }))
  })
  afterAll(() => t?.dispose())

  const query = (from: number, to: number, filter = {}) => ({
    window: { from, to },
    filter,
    interval: 'hour' as const,
  })
  // Whole hours, and a window with partial hours at both ends.
  const windows: [string, number, number][] = [
    ['whole hours', T0, T0 + 24 * HOUR],
    ['partial hours', T0 + 1.5 * HOUR + 12_345, T0 + 20.25 * HOUR],
  ]

  it('marks every written hour stale before any rollup exists', async () => {
    expect(await countDirtyHours(t.db, P)).toBeGreaterThan(20)
  })

  for (const [label, from, to] of windows) {
    it(`equals a direct SQL computation from raw rows (${label})`, async () => {
      expectMatches(
        (await getMetrics(t.db, P, query(from, to))).metrics,
        await directMetrics(t.db, P, from, to),
      )
    })
  }

  it('builds rollups for every stale hour and leaves none', async () => {
    expect(await buildAllDirtyHours(t.db)).toBeGreaterThan(20)
    expect(await countDirtyHours(t.db, P)).toBe(0)
  })

  for (const [label, from, to] of windows) {
    it(`equals a direct SQL computation from rollups (${label})`, async () => {
      expectMatches(
        (await getMetrics(t.db, P, query(from, to))).metrics,
        await directMetrics(t.db, P, from, to),
      )
    })
  }

  it('filters by bot and groups by bot consistently with SQL', async () => {
    const from = T0
    const to = T0 + 30 * HOUR
    expectMatches(
      (await getMetrics(t.db, P, query(from, to, { bot: 'sales' }))).metrics,
      await directMetrics(t.db, P, from, to, 'sales'),
    )
    const grouped = await getMetrics(t.db, P, { ...query(from, to), groupBy: 'bot' })
    const support = grouped.groups!.find((g) => g.key === 'support')!
    expectMatches(support.metrics, await directMetrics(t.db, P, from, to, 'support'))
  })

  it('sees a late score right away and after the rebuild', async () => {
    const from = T0
    const to = T0 + 30 * HOUR
    const before = (await getMetrics(t.db, P, query(from, to))).metrics.scores.helpfulness
    expect(before).toBeUndefined()
    await ingestAll(t.db, P, [
      {
        id: 'late-1',
        type: 'score-create',
        body: { id: 'late-help', traceId: 'd-s0-t0', name: 'helpfulness', value: 0.25 },
      },
    ])
    expect((await getMetrics(t.db, P, query(from, to))).metrics.scores.helpfulness?.mean).toBe(0.25)
    await buildAllDirtyHours(t.db)
    expect((await getMetrics(t.db, P, query(from, to))).metrics.scores.helpfulness?.mean).toBe(0.25)
    expectMatches(
      (await getMetrics(t.db, P, query(from, to))).metrics,
      await directMetrics(t.db, P, from, to),
    )
  })

  it('answers filters on user and tag from raw rows with the same figures', async () => {
    const from = T0
    const to = T0 + 30 * HOUR
    const byUser = await getMetrics(t.db, P, { ...query(from, to), groupBy: 'user' })
    const total = byUser.groups!.reduce((n, g) => n + g.metrics.interactions, 0)
    expect(total).toBe((await directMetrics(t.db, P, from, to)).interactions)
    const u = byUser.groups![0]!
    const single = await getMetrics(t.db, P, query(from, to, { userId: u.key }))
    expect(single.metrics.interactions).toBe(u.metrics.interactions)
    const tagged = await getMetrics(t.db, P, query(from, to, { tag: 'vip' }))
    const n = await t.db.get<{ n: number }>(
      "SELECT COUNT(*) AS n FROM trace_tags WHERE project_id = ? AND tag = 'vip' AND timestamp >= ? AND timestamp < ?",
      [P, from, to],
    )
    expect(tagged.metrics.interactions).toBe(Number(n!.n))
  })

  it('answers one tag, and a grouping by tag, from the per-tag rollups with the figures of the raw rows', async () => {
    await buildAllDirtyHours(t.db)
    const rows = await t.db.get<{ n: number }>(
      "SELECT COUNT(*) AS n FROM analytics_tag_hourly WHERE project_id = ? AND tag = 'vip'",
      [P],
    )
    expect(Number(rows!.n)).toBeGreaterThan(0)
    const answers = async () =>
      Promise.all(
        windows.map(async ([, from, to]) => ({
          vip: (await getMetrics(t.db, P, query(from, to, { tag: 'vip' }))).metrics,
          groups: (await getMetrics(t.db, P, { ...query(from, to), groupBy: 'tag' })).groups!,
        })),
      )
    const fromRollups = await answers()
    // Every hour queued again: the same questions are now answered from raw rows.
    await t.db.run(
      `INSERT INTO analytics_dirty (project_id, hour)
       SELECT DISTINCT project_id, hour FROM analytics_hourly WHERE project_id = ?`,
      [P],
    )
    const fromRaw = await answers()
    await buildAllDirtyHours(t.db)
    fromRollups.forEach((r, i) => {
      const raw = fromRaw[i]!
      expect(r.vip.interactions).toBeGreaterThan(0)
      expectSameFigures(r.vip, raw.vip)
      expect(r.groups.map((g) => g.key).sort()).toEqual(raw.groups.map((g) => g.key).sort())
      for (const g of r.groups) expectSameFigures(g.metrics, raw.groups.find((x) => x.key === g.key)!.metrics)
    })
  })
})
