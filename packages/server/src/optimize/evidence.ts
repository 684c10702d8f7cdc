import type { MetricFilter } from '../analytics/dims.js'
import { getMetrics, getTrends, type Metrics, type Trend, type Window } from '../analytics/index.js'
import { normalizeQuestion } from '../analytics/intents/terms.js'
import { EVAL_ENVIRONMENT } from '../datasets/index.js'
import { queryText } from '../eval/index.js'
import { type Db, getPrompt, getPromptVersion, listTraces } from '../store/index.js'

/** Queries read for the repeated-question share (the newest of the window). */
export const REPEATED_SAMPLE_MAX = 2000

export type Group = { key: string | null; metrics: Metrics }

/** The production prompt the traffic uses, as the registry has it. */
export type PromptInUse = { name: string; version: number; model: string | null; share: number }

/** Everything the rules look at: one window of production traffic, whole and by slice. */
export type Evidence = {
  window: Window
  filter: MetricFilter
  metrics: Metrics
  trends: Trend[]
  byCategory: Group[]
  byModel: Group[]
  repeated: { sampled: number; share: number | null; top: { question: string; count: number }[] }
  /** The registry prompt most of the traffic was answered with, at its production label. */
  prompt: PromptInUse | null
}

/**
 * The environment to read: the one given, else the busiest one that is not where dataset runs
 * go ("eval"), so offline runs never count as production traffic.
 */
async function productionEnvironment(
  db: Db,
  projectId: string,
  window: Window,
  bot?: string,
): Promise<string | undefined> {
  const r = await getMetrics(db, projectId, {
    window,
    filter: bot ? { bot } : {},
    groupBy: 'environment',
    interval: 'hour',
  })
  return (r.groups ?? []).find((g) => g.key !== null && g.key !== EVAL_ENVIRONMENT)?.key ?? undefined
}

async function repeatedQuestions(db: Db, projectId: string, window: Window, filter: MetricFilter) {
  const page = await listTraces(
    db,
    projectId,
    { from: window.from, to: window.to, environment: filter.environment, bot: filter.bot },
    { limit: REPEATED_SAMPLE_MAX },
  )
  const counts = new Map<string, { question: string; count: number }>()
  for (const t of page.data) {
    const q = queryText(t.input)
    if (!q) continue
    const key = normalizeQuestion(q)
    const c = counts.get(key) ?? { question: q, count: 0 }
    c.count++
    counts.set(key, c)
  }
  const sampled = [...counts.values()].reduce((s, c) => s + c.count, 0)
  const repeated = [...counts.values()].filter((c) => c.count > 1)
  return {
    sampled,
    share: sampled ? repeated.reduce((s, c) => s + c.count, 0) / sampled : null,
    top: repeated.sort((a, b) => b.count - a.count).slice(0, 5),
  }
}

/** The most used prompt (name@version groups) and the version its production label points at. */
async function promptInUse(
  db: Db,
  projectId: string,
  window: Window,
  filter: MetricFilter,
): Promise<PromptInUse | null> {
  const r = await getMetrics(db, projectId, { window, filter, groupBy: 'prompt', interval: 'hour' })
  const total = r.metrics.interactions
  const top = (r.groups ?? []).find((g) => g.key !== null)
  if (!top?.key || total === 0) return null
  const name = top.key.slice(0, top.key.lastIndexOf('@'))
  const prompt = await getPrompt(db, projectId, name)
  const version = prompt?.labels.production
  if (!prompt || version === undefined) return null
  const v = await getPromptVersion(db, projectId, name, version)
  const share =
    (r.groups ?? [])
      .filter((g) => g.key?.startsWith(`${name}@`))
      .reduce((s, g) => s + g.metrics.interactions, 0) / total
  return { name, version, model: v?.model ?? null, share }
}

export async function gatherEvidence(
  db: Db,
  projectId: string,
  o: { window: Window; bot?: string; environment?: string },
): Promise<Evidence> {
  const environment = o.environment ?? (await productionEnvironment(db, projectId, o.window, o.bot))
  const filter: MetricFilter = { ...(o.bot && { bot: o.bot }), ...(environment && { environment }) }
  const q = { window: o.window, filter, interval: 'hour' as const }
  const [total, trends, byCategory, byModel, repeated, prompt] = await Promise.all([
    getMetrics(db, projectId, q),
    getTrends(db, projectId, q),
    getMetrics(db, projectId, { ...q, groupBy: 'category' }),
    getMetrics(db, projectId, { ...q, groupBy: 'model' }),
    repeatedQuestions(db, projectId, o.window, filter),
    promptInUse(db, projectId, o.window, filter),
  ])
  return {
    window: o.window,
    filter,
    metrics: total.metrics,
    trends: trends.trends,
    byCategory: byCategory.groups ?? [],
    byModel: byModel.groups ?? [],
    repeated,
    prompt,
  }
}
