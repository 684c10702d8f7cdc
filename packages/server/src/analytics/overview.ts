import { type Db, scoredLatencyPoints } from '../store/index.js'
import { type Agg, emptyAgg, mergeAgg } from './aggregate.js'
import { ANOMALY_METHOD, type Anomaly, anomalyLookbackMs } from './anomalies.js'
import { collect, collectTotal } from './collect.js'
import { type HistogramBin, latencyHistogram } from './histogram.js'
import { type Metrics, toMetrics } from './metrics.js'
import type { AnalyticsQuery } from './schemas.js'
import { flagAnomalies, type Point, toPoint } from './series.js'
import { PERCENTILES } from './service.js'
import { QUALITY_SCORE } from './thresholds.js'
import { compareWindows, type Trend } from './trends.js'
import { bucketStarts, intervalMs, previousWindow, type Window } from './window.js'

/** Points in the quality-vs-latency scatter (the latest ones). */
export const SCATTER_POINTS = 500

export type Kpi = Omit<Trend, 'metric'>

export type Overview = {
  window: Window
  previous: Window
  interval: AnalyticsQuery['interval']
  kpis: Record<string, Kpi>
  /** Every metric against the previous window, as /trends answers (the dashboard lists the significant ones). */
  trends: Trend[]
  metrics: Metrics
  series: Point[]
  latencyHistogram: HistogramBin[]
  qualityVsLatency: { traceId: string; latencyMs: number; quality: number }[]
  anomalies: Anomaly[]
  anomalyMethod: string
  percentiles: typeof PERCENTILES
}

/** Which trend backs each dashboard KPI. */
const KPI_TRENDS: Record<string, string> = {
  conversations: 'conversations',
  interactions: 'interactions',
  costUsd: 'cost.totalUsd',
  costPerConversationUsd: 'cost.perConversationUsd',
  avgLatencyMs: 'latencyMs.mean',
  p95LatencyMs: 'latencyMs.p95',
  errorRate: 'errorRate',
  avgRelevance: 'scores.relevance.mean',
  qualityMean: `scores.${QUALITY_SCORE}.mean`,
  highQualityShare: 'quality.highShare',
  satisfaction: 'conversation.satisfaction',
  evaluated: 'evaluated',
}

function kpis(all: Trend[]): Record<string, Kpi> {
  const trends = new Map(all.map((t) => [t.metric, t]))
  const empty: Kpi = {
    current: null,
    previous: null,
    changePct: null,
    direction: null,
    improved: null,
    significant: null,
    pValue: null,
    test: null,
  }
  const out: Record<string, Kpi> = {}
  for (const [kpi, metric] of Object.entries(KPI_TRENDS)) {
    const { metric: _m, ...t } = trends.get(metric) ?? { metric, ...empty }
    out[kpi] = t
  }
  return out
}

/**
 * What the dashboard's overview shows, in one call: KPIs with their change against the previous
 * window (and whether it is significant), the series, latency histogram, cost per conversation,
 * quality against latency, sentiment and categories, and anomaly flags.
 */
export async function getOverview(db: Db, projectId: string, q: AnalyticsQuery): Promise<Overview> {
  const step = intervalMs(q.interval)
  const previous = previousWindow(q.window)
  const lookFrom = Math.min(previous.from, q.window.from - anomalyLookbackMs(q.interval))
  const cells = await collect(db, projectId, {
    from: lookFrom,
    to: q.window.to,
    filter: q.filter,
    bucketMs: step,
  })
  const byBucket = new Map(cells.list().map((c) => [c.bucket!, c.agg]))

  const aligned = q.window.from % step === 0 && q.window.to % step === 0
  let current: Agg
  let before: Agg
  if (aligned) {
    current = emptyAgg()
    before = emptyAgg()
    for (const [t, agg] of byBucket) {
      if (t >= q.window.from && t < q.window.to) mergeAgg(current, agg)
      else if (t >= previous.from && t < previous.to) mergeAgg(before, agg)
    }
  } else {
    ;[current, before] = await Promise.all([
      collectTotal(db, projectId, { ...q.window, filter: q.filter }),
      collectTotal(db, projectId, { ...previous, filter: q.filter }),
    ])
  }

  const all = bucketStarts({ from: lookFrom, to: q.window.to }, q.interval).map((t) =>
    toPoint(t, byBucket.get(t) ?? emptyAgg()),
  )
  const anomalies = flagAnomalies(
    all.map((p) => ({ p, agg: byBucket.get(p.start) ?? emptyAgg() })),
    q.interval,
    q.window.from,
  )

  const scatter = await scoredLatencyPoints(
    db,
    projectId,
    q.window.from,
    q.window.to,
    QUALITY_SCORE,
    SCATTER_POINTS,
    scatterFilter(q),
  )
  const trends = compareWindows(before, current)
  return {
    window: q.window,
    previous,
    interval: q.interval,
    kpis: kpis(trends),
    trends,
    metrics: toMetrics(current),
    series: all.filter((p) => p.start >= q.window.from - (q.window.from % step)),
    latencyHistogram: latencyHistogram(current.t.latencySketch),
    qualityVsLatency: scatter.map((r) => ({
      traceId: r.id,
      latencyMs: Number(r.latency_ms),
      quality: Number(r.value),
    })),
    anomalies,
    anomalyMethod: ANOMALY_METHOD,
    percentiles: PERCENTILES,
  }
}

function scatterFilter(q: AnalyticsQuery) {
  const { category: _c, ...rest } = q.filter
  return rest
}
