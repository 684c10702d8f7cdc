import {
  activeConversationsByBot,
  countDirtyHours,
  type Db,
  type JobCounts,
  jobCounts,
} from '../store/index.js'
import { type Agg, emptyAgg, mergeAgg } from './aggregate.js'
import { collect } from './collect.js'
import { getOrCreate } from './maps.js'
import { mean } from './moments.js'
import { QUALITY_SCORE } from './thresholds.js'
import { DAY_MS, HOUR_MS } from './window.js'

/** A conversation with a turn this recent and no end reported counts as active. */
export const ACTIVE_CONVERSATION_MS = 15 * 60_000
/** Scrapes within this time of the last one reuse its figures (Prometheus scrapes every 15–60 s). */
export const SCRAPE_CACHE_MS = 10_000

/** Everything /metrics reports about one project, read from the store. */
export type ProjectSnapshot = {
  /** All-time aggregates per bot and model. */
  byBotModel: { bot: string; model: string; agg: Agg }[]
  /** All-time aggregate per bot. */
  byBot: Map<string, Agg>
  /** Last 24 hours per bot (satisfaction and conversation length are gauges of recent behaviour). */
  recentByBot: Map<string, Agg>
  activeByBot: Map<string, number>
  staleHours: number
  evalJobs: JobCounts | null
}

const SEP = '\u001f'
const label = (v: string | null | undefined) => v ?? ''

/**
 * Reads the snapshot. All-time figures come from every rollup hour plus the raw rows of hours
 * still queued, so counters equal a direct count of the tables.
 */
export async function readSnapshot(db: Db, projectId: string, now = Date.now()): Promise<ProjectSnapshot> {
  const allTime = await collect(db, projectId, {
    from: 0,
    to: Math.ceil((now + 1) / HOUR_MS) * HOUR_MS + HOUR_MS,
    filter: {},
    keyOf: (d) => `${label(d.bot)}${SEP}${label(d.model)}`,
  })
  const byBotModel = allTime.list().map((c) => {
    const [bot = '', model = ''] = String(c.group).split(SEP)
    return { bot, model, agg: c.agg }
  })
  const byBot = new Map<string, Agg>()
  for (const { bot, agg } of byBotModel) {
    mergeAgg(getOrCreate(byBot, bot, emptyAgg), agg)
  }
  const recent = await collect(db, projectId, {
    from: now - DAY_MS,
    to: now + 1,
    filter: {},
    groupBy: 'bot',
    withSketches: false,
  })
  const recentByBot = new Map(recent.list().map((c) => [label(c.group), c.agg]))
  const active = await activeConversationsByBot(db, projectId, now - ACTIVE_CONVERSATION_MS)
  const activeByBot = new Map(active.map((r) => [label(r.bot), Number(r.n)]))
  const evalJobs = await jobCounts(db, projectId).catch(() => null)
  return {
    byBotModel,
    byBot,
    recentByBot,
    activeByBot,
    staleHours: await countDirtyHours(db, projectId),
    evalJobs,
  }
}

/** Satisfaction and conversation length of the last 24 hours, per bot. */
export function recentGauges(s: ProjectSnapshot) {
  return [...s.recentByBot].map(([bot, agg]) => ({
    bot,
    satisfaction: mean(agg.c.satisfaction),
    turns: mean(agg.c.turns),
  }))
}

export const qualityOf = (agg: Agg) => agg.t.scores.get(QUALITY_SCORE)

/** Caches snapshots per project for SCRAPE_CACHE_MS. */
export class SnapshotCache {
  private readonly cache = new Map<string, { at: number; snapshot: Promise<ProjectSnapshot> }>()
  constructor(private readonly db: Db) {}

  get(projectId: string, now = Date.now()): Promise<ProjectSnapshot> {
    const hit = this.cache.get(projectId)
    if (hit && now - hit.at < SCRAPE_CACHE_MS) return hit.snapshot
    const snapshot = readSnapshot(this.db, projectId, now)
    this.cache.set(projectId, { at: now, snapshot })
    snapshot.catch(() => this.cache.delete(projectId))
    return snapshot
  }
}
