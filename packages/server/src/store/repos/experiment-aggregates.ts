import type { Queryable, SqlValue } from '../db.js'

/**
 * Sums over the units of one variant for one metric: each unit (a user or a session) has x, the
 * sum of its observations' values, and y, how many observations it has. Enough for the mean per
 * observation (Σx/Σy) and its variance by the delta method when units have several observations,
 * or the plain sample variance when each has at most one (maxY ≤ 1), without reading any trace.
 */
export type Moments = {
  variant: string
  /** Units with at least one observation. */
  units: number
  sx: number
  sxx: number
  sy: number
  syy: number
  sxy: number
  maxY: number
}

export type ExposureCount = { variant: string; units: number; traces: number; sessions: number }
export type ScoreMoments = {
  name: string
  source: string
  dataType: string
  level: 'trace' | 'session'
  rows: Moments[]
}

export type ExperimentAggregates = {
  exposure: ExposureCount[]
  /** Units seen in more than one variant (a re-randomisation, or assignment done elsewhere). */
  crossoverUnits: number
  metrics: Record<
    | 'latency_ms'
    | 'cost_usd'
    | 'error_rate'
    | 'resolution_rate'
    | 'satisfaction'
    | 'thumbs_up_rate'
    | 'rating',
    Moments[]
  >
  scores: ScoreMoments[]
}

export type AggregateSpec = { key: string; unit: 'user' | 'session'; receivedFrom: number | null }

/** Per-unit x and y of a value expression that is NULL where there is no observation. */
const perUnit = (id: string, value: string) =>
  `COALESCE(SUM(${value}), 0) AS x_${id}, COUNT(${value}) AS y_${id}`
const perVariant = (id: string) =>
  `SUM(CASE WHEN y_${id} > 0 THEN 1 ELSE 0 END) AS ${id}_units, SUM(x_${id}) AS ${id}_sx,
   SUM(x_${id} * x_${id}) AS ${id}_sxx, SUM(y_${id}) AS ${id}_sy, SUM(y_${id} * y_${id}) AS ${id}_syy,
   SUM(x_${id} * y_${id}) AS ${id}_sxy, MAX(y_${id}) AS ${id}_maxy`

type R = Record<string, SqlValue>
const num = (v: SqlValue | undefined) => (v === null || v === undefined ? 0 : Number(v))
const momentsOf = (r: R, id: string): Moments => ({
  variant: r.variant as string,
  units: num(r[`${id}_units`]),
  sx: num(r[`${id}_sx`]),
  sxx: num(r[`${id}_sxx`]),
  sy: num(r[`${id}_sy`]),
  syy: num(r[`${id}_syy`]),
  sxy: num(r[`${id}_sxy`]),
  maxY: num(r[`${id}_maxy`]),
})

/**
 * Every aggregate an experiment's results need, in a handful of grouped queries over the traces
 * that carry its key (the exposures) and the scores, sessions and feedback linked to them.
 */
export async function experimentAggregates(
  db: Queryable,
  projectId: string,
  spec: AggregateSpec,
): Promise<ExperimentAggregates> {
  const unit = spec.unit === 'user' ? 'user_id' : 'session_id'
  const since = spec.receivedFrom === null ? '' : ' AND t.created_at >= ?'
  // Sessions whose turns all saw one variant carry session-level metrics (resolution, satisfaction).
  // Joins are written exposed-first with CROSS JOIN: SQLite then starts from the experiment's
  // traces (index traces_experiment) instead of scanning every score of the project;
  // PostgreSQL plans CROSS JOIN … WHERE like any inner join.
  const cte = `WITH exposed AS (
      SELECT t.id, t.session_id, t.experiment_variant AS variant, t.${unit} AS unit, t.latency_ms, t.cost_usd,
        t.status FROM traces t
      WHERE t.project_id = ? AND t.experiment_key = ? AND t.experiment_variant IS NOT NULL
        AND t.${unit} IS NOT NULL${since}),
    xs AS (
      SELECT session_id AS sid, MIN(variant) AS variant, MIN(unit) AS unit FROM exposed
      WHERE session_id IS NOT NULL GROUP BY session_id HAVING COUNT(DISTINCT variant) = 1)`
  const base: SqlValue[] = [projectId, spec.key, ...(spec.receivedFrom === null ? [] : [spec.receivedFrom])]
  const all = (sql: string, params: SqlValue[] = []) => db.all<R>(`${cte} ${sql}`, [...base, ...params])

  const [exposure, crossover, traceRows, sessionRows, feedbackRows, scoreRows] = await Promise.all([
    all(`SELECT variant, COUNT(DISTINCT unit) AS units, COUNT(*) AS traces, COUNT(DISTINCT session_id) AS sessions
         FROM exposed GROUP BY variant ORDER BY variant`),
    all(
      `SELECT COUNT(*) AS n FROM (SELECT unit FROM exposed GROUP BY unit HAVING COUNT(DISTINCT variant) > 1) c`,
    ),
    all(`SELECT variant, ${['latency_ms', 'cost_usd', 'error_rate'].map(perVariant).join(', ')} FROM (
           SELECT variant, unit, ${perUnit('latency_ms', 'latency_ms')}, ${perUnit('cost_usd', 'cost_usd')},
             ${perUnit('error_rate', "CASE WHEN status = 'error' THEN 1 ELSE 0 END")}
           FROM exposed GROUP BY variant, unit) u GROUP BY variant`),
    all(
      `SELECT variant, ${['resolution_rate', 'satisfaction'].map(perVariant).join(', ')} FROM (
         SELECT xs.variant, xs.unit, ${perUnit('resolution_rate', 'se.resolved')},
           ${perUnit('satisfaction', 'se.satisfaction')}
         FROM xs CROSS JOIN sessions se WHERE se.project_id = ? AND se.id = xs.sid GROUP BY xs.variant, xs.unit) u
       GROUP BY variant`,
      [projectId],
    ),
    all(
      `SELECT variant, ${['thumbs_up_rate', 'rating'].map(perVariant).join(', ')} FROM (
         SELECT variant, unit, ${perUnit('thumbs_up_rate', 'up')}, ${perUnit('rating', 'rating')} FROM (
           SELECT e.variant, e.unit, CASE f.thumbs WHEN 'up' THEN 1 WHEN 'down' THEN 0 END AS up, f.rating
           FROM exposed e CROSS JOIN feedback f WHERE f.project_id = ? AND f.trace_id = e.id
           UNION ALL
           SELECT xs.variant, xs.unit, CASE f.thumbs WHEN 'up' THEN 1 WHEN 'down' THEN 0 END AS up, f.rating
           FROM xs CROSS JOIN feedback f WHERE f.project_id = ? AND f.session_id = xs.sid AND f.trace_id IS NULL) o
         GROUP BY variant, unit) u
       GROUP BY variant`,
      [projectId, projectId],
    ),
    all(
      `SELECT name, source, level, MAX(data_type) AS data_type, variant, ${perVariant('v')} FROM (
         SELECT s.name, s.source, 'trace' AS level, MAX(s.data_type) AS data_type, e.variant, e.unit,
           ${perUnit('v', 's.value')}
         FROM exposed e CROSS JOIN scores s
         WHERE s.project_id = ? AND s.trace_id = e.id AND s.span_id IS NULL AND s.value IS NOT NULL AND s.data_type <> 'categorical'
         GROUP BY s.name, s.source, e.variant, e.unit
         UNION ALL
         SELECT s.name, s.source, 'session' AS level, MAX(s.data_type) AS data_type, xs.variant, xs.unit,
           ${perUnit('v', 's.value')}
         FROM xs CROSS JOIN scores s
         WHERE s.project_id = ? AND s.session_id = xs.sid AND s.trace_id IS NULL AND s.value IS NOT NULL AND s.data_type <> 'categorical'
         GROUP BY s.name, s.source, xs.variant, xs.unit) u
       GROUP BY name, source, level, variant ORDER BY level DESC, name, source, variant`,
      [projectId, projectId],
    ),
  ])

  const scores = new Map<string, ScoreMoments>()
  for (const r of scoreRows) {
    const id = `${r.level}\u0000${r.name}\u0000${r.source}`
    let s = scores.get(id)
    if (!s) {
      s = {
        name: r.name as string,
        source: r.source as string,
        dataType: r.data_type as string,
        level: r.level as 'trace' | 'session',
        rows: [],
      }
      scores.set(id, s)
    }
    s.rows.push(momentsOf(r, 'v'))
  }
  const pick = (rows: R[], id: string) => rows.map((r) => momentsOf(r, id))
  return {
    exposure: exposure.map((r) => ({
      variant: r.variant as string,
      units: num(r.units),
      traces: num(r.traces),
      sessions: num(r.sessions),
    })),
    crossoverUnits: num(crossover[0]?.n),
    metrics: {
      latency_ms: pick(traceRows, 'latency_ms'),
      cost_usd: pick(traceRows, 'cost_usd'),
      error_rate: pick(traceRows, 'error_rate'),
      resolution_rate: pick(sessionRows, 'resolution_rate'),
      satisfaction: pick(sessionRows, 'satisfaction'),
      thumbs_up_rate: pick(feedbackRows, 'thumbs_up_rate'),
      rating: pick(feedbackRows, 'rating'),
    },
    scores: [...scores.values()],
  }
}
