import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ingestAll, makeDataset, T0 } from '../../test/analytics/dataset.js'
import { sqlite, type TestDb } from '../../test/support/engines.js'
import { ensureDefaultProject } from '../projects/index.js'
import { getOverview } from './overview.js'
import { AnalyticsQuery } from './schemas.js'
import { getTrends } from './service.js'

const HOUR_MS = 3_600_000

describe('the dashboard overview', () => {
  let store: TestDb
  let projectId: string
  beforeAll(async () => {
    store = await sqlite.open()
    projectId = (await ensureDefaultProject(store.db)).project.id
    await ingestAll(store.db, projectId, makeDataset({ sessions: 40, hours: 48, prefix: 'o' }))
  })
  afterAll(() => store?.dispose())

  it('carries every trend of the window, as /trends answers them, and its KPIs come from them', async () => {
    // Whole hours (rollups) and a window cut mid-hour (raw edges) take different paths.
    for (const [from, to] of [
      [T0 + 24 * HOUR_MS, T0 + 48 * HOUR_MS],
      [T0 + 24.5 * HOUR_MS, T0 + 47.25 * HOUR_MS],
    ]) {
      const q = AnalyticsQuery.parse({ from: String(from), to: String(to) })
      const [o, t] = await Promise.all([
        getOverview(store.db, projectId, q),
        getTrends(store.db, projectId, q),
      ])
      // Same figures; the overview sums hour by hour, so the last bits of a float may differ.
      expect(o.trends.map((x) => x.metric)).toEqual(t.trends.map((x) => x.metric))
      for (const [i, x] of o.trends.entries()) {
        const y = t.trends[i]!
        expect({ ...x, current: 0, previous: 0, changePct: 0, pValue: 0 }, x.metric).toEqual({
          ...y,
          current: 0,
          previous: 0,
          changePct: 0,
          pValue: 0,
        })
        for (const k of ['current', 'previous', 'changePct', 'pValue'] as const)
          if (y[k] === null) expect(x[k], `${x.metric}.${k}`).toBeNull()
          else
            expect(Math.abs(x[k]! - y[k]!), `${x.metric}.${k}`).toBeLessThan(
              1e-9 * Math.max(1, Math.abs(y[k]!)),
            )
      }
      expect(o.trends.some((x) => x.significant !== null)).toBe(true)
      const { metric: _m, ...latency } = o.trends.find((x) => x.metric === 'latencyMs.mean')!
      expect(o.kpis.avgLatencyMs).toEqual(latency)
    }
  })
})
