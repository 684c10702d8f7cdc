import type { Db } from '../store/index.js'
import { type Agg, emptyAgg } from './aggregate.js'
import {
  ANOMALY_METHOD,
  type Anomaly,
  anomalyLookbackMs,
  binomialFloor,
  detectAnomalies,
  poissonFloor,
  relativeFloor,
  type SeriesPoint,
  type SpreadFloor,
} from './anomalies.js'
import { collect } from './collect.js'
import type { GroupKey } from './dims.js'
import { getOrCreate } from './maps.js'
import { mean } from './moments.js'
import type { AnalyticsQuery } from './schemas.js'
import { QUALITY_SCORE, SENTIMENT_SCORE } from './thresholds.js'
import { bucketStarts, intervalMs } from './window.js'

/** One bucket of a series: the headline figures, each a line on a chart. */
export type Point = {
  start: number
  interactions: number
  conversations: number
  errors: number
  errorRate: number | null
  latencyMeanMs: number | null
  latencyP50Ms: number | null
  latencyP95Ms: number | null
  latencyP99Ms: number | null
  ttftMeanMs: number | null
  tokens: number
  costUsd: number
  costPerInteractionUsd: number | null
  costPerConversationUsd: number | null
  qualityMean: number | null
  highQualityShare: number | null
  sentimentPositiveShare: number | null
  sentimentNegativeShare: number | null
  satisfactionMean: number | null
  resolutionRate: number | null
  /** Mean of every score in the bucket. */
  scores: Record<string, number | null>
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null)

export function toPoint(start: number, { t, c }: Agg): Point {
  const q = t.scores.get(QUALITY_SCORE)
  const s = t.scores.get(SENTIMENT_SCORE)
  return {
    start,
    interactions: t.traces,
    conversations: c.conversations,
    errors: t.errors,
    errorRate: ratio(t.errors, t.traces),
    latencyMeanMs: mean(t.latency),
    latencyP50Ms: t.latencySketch.quantile(0.5),
    latencyP95Ms: t.latencySketch.quantile(0.95),
    latencyP99Ms: t.latencySketch.quantile(0.99),
    ttftMeanMs: mean(t.ttft),
    tokens: t.totalTokens,
    costUsd: t.cost.sum,
    costPerInteractionUsd: ratio(t.cost.sum, t.traces),
    costPerConversationUsd: ratio(c.cost, c.conversations),
    qualityMean: q ? mean(q.m) : null,
    highQualityShare: q ? ratio(q.atLeastHigh, q.m.n) : null,
    sentimentPositiveShare: s ? ratio(s.abovePositive, s.m.n) : null,
    sentimentNegativeShare: s ? ratio(s.belowNegative, s.m.n) : null,
    satisfactionMean: mean(c.satisfaction),
    resolutionRate: ratio(c.resolvedYes, c.resolvedKnown),
    scores: Object.fromEntries([...t.scores].map(([name, a]) => [name, mean(a.m)])),
  }
}

/** Series watched for anomalies, with the sample size behind each point. */
const WATCHED: [keyof Point, (p: Point, a: Agg) => number, SpreadFloor][] = [
  // Volume is judged on every bucket, empty ones included: a drop to zero is the anomaly.
  ['interactions', () => Number.MAX_SAFE_INTEGER, poissonFloor],
  ['errorRate', (p) => p.interactions, binomialFloor],
  ['latencyP95Ms', (_, a) => a.t.latency.n, relativeFloor],
  ['costUsd', (p) => p.interactions, (m) => (m > 0 ? relativeFloor(m, 0) : null)],
  ['qualityMean', (_, a) => a.t.scores.get(QUALITY_SCORE)?.m.n ?? 0, () => 0.02],
]

export type SeriesResult = {
  interval: AnalyticsQuery['interval']
  from: number
  to: number
  points: Point[]
  groups?: { key: GroupKey; points: Point[] }[]
  anomalies: Anomaly[]
  anomalyMethod: string
}

/** Hourly or daily series of the headline metrics, with anomaly flags on the ungrouped series. */
export async function getSeries(
  db: Db,
  projectId: string,
  q: AnalyticsQuery,
  o: { anomalies?: boolean } = {},
): Promise<SeriesResult> {
  const step = intervalMs(q.interval)
  const wantAnomalies = (o.anomalies ?? true) && !q.groupBy
  const lookFrom = wantAnomalies ? q.window.from - anomalyLookbackMs(q.interval) : q.window.from
  const cells = await collect(db, projectId, {
    from: lookFrom,
    to: q.window.to,
    filter: q.filter,
    groupBy: q.groupBy,
    bucketMs: step,
  })
  const byGroup = new Map<GroupKey, Map<number, Agg>>()
  for (const cell of cells.list()) {
    getOrCreate(byGroup, cell.group, () => new Map<number, Agg>()).set(cell.bucket!, cell.agg)
  }
  const starts = bucketStarts({ from: lookFrom, to: q.window.to }, q.interval)
  const pointsOf = (g: Map<number, Agg> | undefined, from: number) =>
    starts.filter((t) => t >= from - (from % step)).map((t) => toPoint(t, g?.get(t) ?? emptyAgg()))

  const result: SeriesResult = {
    interval: q.interval,
    from: q.window.from,
    to: q.window.to,
    points: [],
    anomalies: [],
    anomalyMethod: ANOMALY_METHOD,
  }
  if (q.groupBy) {
    result.groups = [...byGroup].map(([key, g]) => ({ key, points: pointsOf(g, q.window.from) }))
    return result
  }
  const total = byGroup.get('')
  result.points = pointsOf(total, q.window.from)
  if (wantAnomalies) {
    const all = starts.map((t) => {
      const agg = total?.get(t) ?? emptyAgg()
      return { agg, p: toPoint(t, agg) }
    })
    result.anomalies = flagAnomalies(all, q.interval, q.window.from)
  }
  return result
}

/** Anomaly flags on the watched series (bucket points with their aggregates, history included). */
export function flagAnomalies(
  all: { p: Point; agg: Agg }[],
  interval: AnalyticsQuery['interval'],
  from: number,
): Anomaly[] {
  const out: Anomaly[] = []
  for (const [metric, sample, floor] of WATCHED) {
    const series: SeriesPoint[] = all.map(({ agg, p }) => ({
      t: p.start,
      value: p[metric] as number | null,
      sample: sample(p, agg),
    }))
    out.push(...detectAnomalies(metric, series, interval, from, floor))
  }
  return out
}
