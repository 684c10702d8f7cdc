import type { Db } from '../store/index.js'
import { collectGroups, collectTotal } from './collect.js'
import type { GroupKey, MetricFilter } from './dims.js'
import { type Metrics, toMetrics } from './metrics.js'
import type { AnalyticsQuery } from './schemas.js'
import { SKETCH_RELATIVE_ERROR } from './sketch.js'
import { compareWindows, type Trend } from './trends.js'
import { previousWindow, type Window } from './window.js'

/** Most groups a grouped query returns (the largest by interactions). */
export const MAX_GROUPS = 100

export const PERCENTILES = {
  method: 'log-bucket quantile sketch (DDSketch) merged over hourly rollups; lower nearest-rank definition',
  relativeError: SKETCH_RELATIVE_ERROR,
} as const

export type MetricsResult = {
  from: number
  to: number
  filter: MetricFilter
  groupBy: AnalyticsQuery['groupBy'] | null
  metrics: Metrics
  groups?: { key: GroupKey; metrics: Metrics }[]
  percentiles: typeof PERCENTILES
}

/** Every metric of PRODUCT.md 3.1 over a window, optionally per group. */
export async function getMetrics(db: Db, projectId: string, q: AnalyticsQuery): Promise<MetricsResult> {
  const base = { from: q.window.from, to: q.window.to, filter: q.filter }
  const total = await collectTotal(db, projectId, base)
  const result: MetricsResult = {
    ...base,
    groupBy: q.groupBy ?? null,
    metrics: toMetrics(total),
    percentiles: PERCENTILES,
  }
  if (q.groupBy) {
    const cells = await collectGroups(db, projectId, { ...base, groupBy: q.groupBy })
    result.groups = cells
      .sort((a, b) => b.agg.t.traces - a.agg.t.traces || b.agg.c.conversations - a.agg.c.conversations)
      .slice(0, MAX_GROUPS)
      .map((c) => ({ key: c.group, metrics: toMetrics(c.agg) }))
  }
  return result
}

export type TrendsResult = {
  current: Window
  previous: Window
  filter: MetricFilter
  alpha: number
  trends: Trend[]
}

/** The window against the one before it, with a significance test per metric. */
export async function getTrends(
  db: Db,
  projectId: string,
  q: Pick<AnalyticsQuery, 'window' | 'filter'>,
): Promise<TrendsResult> {
  const previous = previousWindow(q.window)
  const [a, b] = await Promise.all([
    collectTotal(db, projectId, { ...previous, filter: q.filter }),
    collectTotal(db, projectId, { ...q.window, filter: q.filter }),
  ])
  return { current: q.window, previous, filter: q.filter, alpha: 0.05, trends: compareWindows(a, b) }
}
