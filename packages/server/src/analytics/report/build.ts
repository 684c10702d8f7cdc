import { type AlertEvent, type Db, getProject, listAlertEvents, listAlertRules } from '../../store/index.js'
import { type ReviewItem, reviewQueue } from '../conversations/review.js'
import { type TopicsResult, topTopics } from '../intents/topics.js'
import type { Metrics } from '../metrics.js'
import { getOverview, type Overview } from '../overview.js'
import { getMetrics } from '../service.js'
import type { Trend } from '../trends.js'
import { DAY_MS, resolveWindow, type Window } from '../window.js'
import { type Recommendation, recommend } from './recommendations.js'

/** Alert events listed in a report at most. */
const REPORT_EVENTS_MAX = 50
const REPORT_REVIEW_MAX = 10

export type Report = {
  title: string
  generatedAt: number
  project: { id: string; name: string }
  window: Window
  days: number
  overview: Overview
  costByModel: {
    model: string | null
    interactions: number
    costUsd: number
    perInteractionUsd: number | null
    qualityMean: number | null
  }[]
  significantTrends: Trend[]
  alerts: {
    firing: { name: string; severity: string; since: number | null; value: number | null }[]
    events: AlertEvent[]
  }
  topics: TopicsResult
  review: ReviewItem[]
  recommendations: Recommendation[]
}

/** Everything a summary report says about the last `days` days, gathered from the store. */
export async function buildReport(
  db: Db,
  projectId: string,
  o: { days: number; now?: number },
): Promise<Report> {
  const now = o.now ?? Date.now()
  const window = resolveWindow({ window: o.days * DAY_MS }, now, 'hour')
  const interval = o.days <= 3 ? 'hour' : 'day'
  const q = { window, filter: {}, interval } as const
  const [project, overview, byModel, topics, review, rules, events] = await Promise.all([
    getProject(db, projectId),
    getOverview(db, projectId, q),
    getMetrics(db, projectId, { ...q, groupBy: 'model' }),
    topTopics(db, projectId, window),
    reviewQueue(db, projectId, window, { limit: REPORT_REVIEW_MAX }),
    listAlertRules(db, projectId),
    listAlertEvents(db, projectId, { from: window.from, to: window.to }, { limit: REPORT_EVENTS_MAX }),
  ])
  const m: Metrics = overview.metrics
  const trends = Object.entries(overview.kpis)
    .filter(([, k]) => k.significant)
    .map(([metric, k]) => ({ metric, ...k }))
  return {
    title: `chatlens report: ${project?.name ?? projectId}, last ${o.days} day${o.days === 1 ? '' : 's'}`,
    generatedAt: now,
    project: { id: projectId, name: project?.name ?? projectId },
    window,
    days: o.days,
    overview,
    costByModel: (byModel.groups ?? []).map((g) => ({
      model: g.key,
      interactions: g.metrics.interactions,
      costUsd: g.metrics.cost.totalUsd,
      perInteractionUsd: g.metrics.cost.perInteractionUsd,
      qualityMean: g.metrics.quality.mean,
    })),
    significantTrends: trends,
    alerts: {
      firing: rules
        .filter((r) => r.state === 'firing')
        .map((r) => ({ name: r.name, severity: r.severity, since: r.stateSince, value: r.lastValue })),
      events: events.data,
    },
    topics,
    review: review.items,
    recommendations: recommend(m, byModel.groups ?? [], topics),
  }
}
