import { collectTotal, type MetricFilter, type Metrics, toMetrics } from '../analytics/index.js'
import { type AlertRule, countViolatingScores, countViolatingTraces, type Db } from '../store/index.js'
import { breaks, COMPARATOR_SQL, type InteractionMetric, readWindowMetric, scoreName } from './vocabulary.js'

export type Evaluation = {
  /** The window's aggregate, or for per-interaction rules the worst value seen. */
  value: number | null
  /** Observations behind the value (interactions, scores, conversations…). */
  sample: number
  /** true: the threshold is broken; false: it is not; null: too little data to say. */
  breaking: boolean | null
  window: { from: number; to: number }
  details: Record<string, unknown>
}

/** Window metrics computed once per check pass for rules that share window and filters. */
export class MetricsCache {
  private readonly cache = new Map<string, Promise<Metrics>>()
  constructor(
    private readonly db: Db,
    private readonly projectId: string,
  ) {}

  get(from: number, to: number, filter: MetricFilter): Promise<Metrics> {
    const key = JSON.stringify([from, to, filter])
    let hit = this.cache.get(key)
    if (!hit) {
      hit = collectTotal(this.db, this.projectId, { from, to, filter }).then((agg) => toMetrics(agg))
      this.cache.set(key, hit)
    }
    return hit
  }
}

/** Evaluates a rule over the window that ends at `now`. */
export async function evaluateRule(
  db: Db,
  rule: AlertRule,
  now: number,
  cache: MetricsCache,
): Promise<Evaluation> {
  const window = { from: now - rule.windowMs, to: now }
  const filter = rule.filters as MetricFilter
  if (rule.scope === 'window') {
    const m = await cache.get(window.from, window.to, filter)
    const { value, sample } = readWindowMetric(m, rule.metric, rule.aggregation)
    const judged = value !== null && sample >= rule.minSample
    return {
      value,
      sample: Math.min(sample, m.interactions + m.conversations),
      breaking: judged ? breaks(value, rule.comparator, rule.threshold) : null,
      window,
      details: judged ? {} : { note: `fewer than ${rule.minSample} observations in the window` },
    }
  }
  const op = COMPARATOR_SQL[rule.comparator]
  const { category: _c, ...factFilter } = filter
  const score = scoreName(rule.metric)
  const r = score
    ? await countViolatingScores(
        db,
        rule.projectId,
        window.from,
        window.to,
        score,
        op,
        rule.threshold,
        factFilter,
      )
    : await countViolatingTraces(
        db,
        rule.projectId,
        window.from,
        window.to,
        rule.metric as InteractionMetric,
        op,
        rule.threshold,
        factFilter,
      )
  const worst = rule.comparator === 'gt' || rule.comparator === 'gte' ? r.worstMax : r.worstMin
  return {
    value: r.violations > 0 && worst !== null ? Number(worst) : null,
    sample: r.total,
    breaking: r.violations >= rule.minSample,
    window,
    details: { violations: r.violations, checked: r.total, traceIds: r.ids },
  }
}
