import type { Db } from '../../src/store/index.js'

/**
 * The metrics computed straight from the tables with plain SQL, the way someone checking
 * chatlens by hand would: the reference the analytics API must match.
 */
export async function directMetrics(db: Db, projectId: string, from: number, to: number, bot?: string) {
  const botSql = bot ? ' AND t.bot = ?' : ''
  const p = bot ? [projectId, from, to, bot] : [projectId, from, to]
  const where = `t.project_id = ? AND t.timestamp >= ? AND t.timestamp < ?${botSql}`
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v))

  const base = (await db.get<Record<string, unknown>>(
    `SELECT COUNT(*) AS n, SUM(CASE WHEN t.status = 'error' THEN 1 ELSE 0 END) AS errors,
       AVG(t.latency_ms) AS lat_mean, AVG(t.latency_ms * t.latency_ms) AS lat_sq, COUNT(t.latency_ms) AS lat_n,
       MIN(t.latency_ms) AS lat_min, MAX(t.latency_ms) AS lat_max, AVG(t.ttft_ms) AS ttft_mean, MIN(t.ttft_ms) AS ttft_min, MAX(t.ttft_ms) AS ttft_max,
       SUM(t.total_tokens) AS tokens, SUM(t.cost_usd) AS cost
     FROM traces t WHERE ${where}`,
    p,
  ))!
  const latN = Number(base.lat_n)
  const percentile = async (q: number) => {
    const offset = Math.floor(q * (latN - 1))
    const row = await db.get<{ v: number }>(
      `SELECT t.latency_ms AS v FROM traces t WHERE ${where} AND t.latency_ms IS NOT NULL ORDER BY t.latency_ms LIMIT 1 OFFSET ?`,
      [...p, offset],
    )
    return num(row?.v)
  }
  const scoreRows = await db.all<Record<string, unknown>>(
    `SELECT s.name, COUNT(s.value) AS n, AVG(s.value) AS mean,
       AVG(CASE WHEN s.value >= 0.8 THEN 1.0 ELSE 0.0 END) AS high,
       AVG(CASE WHEN s.value > 0.6 THEN 1.0 ELSE 0.0 END) AS pos,
       AVG(CASE WHEN s.value < 0.4 THEN 1.0 ELSE 0.0 END) AS neg
     FROM scores s JOIN traces t ON t.project_id = s.project_id AND t.id = s.trace_id
     WHERE ${where} AND s.value IS NOT NULL GROUP BY s.name`,
    p,
  )
  const categoryRows = await db.all<{ category: string | null; n: number }>(
    `SELECT (SELECT c.string_value FROM scores c WHERE c.project_id = t.project_id AND c.trace_id = t.id
        AND c.name = 'category' ORDER BY c.timestamp DESC, c.id DESC LIMIT 1) AS category, COUNT(*) AS n
     FROM traces t WHERE ${where} GROUP BY 1`,
    p,
  )

  const firstTurnBot = `(SELECT f.bot FROM traces f WHERE f.project_id = s.project_id AND f.session_id = s.id
      ORDER BY f.timestamp, f.id LIMIT 1)`
  const sessionWhere = `s.project_id = ? AND s.started_at >= ? AND s.started_at < ?${bot ? ` AND COALESCE(${firstTurnBot}, s.bot) = ?` : ''}`
  const feedbackValue = `COALESCE(f.satisfaction, (f.rating - 1) / 4.0, CASE f.thumbs WHEN 'up' THEN 1.0 WHEN 'down' THEN 0.0 END)`
  const conv = (await db.get<Record<string, unknown>>(
    `SELECT COUNT(*) AS n, AVG(turns) AS turns, SUM(cost) AS cost,
       SUM(CASE WHEN resolved = 1 THEN 1 ELSE 0 END) AS resolved_yes, COUNT(resolved) AS resolved_known,
       AVG(satisfaction) AS satisfaction, COUNT(satisfaction) AS satisfaction_n
     FROM (SELECT s.resolved,
        (SELECT COUNT(*) FROM traces t WHERE t.project_id = s.project_id AND t.session_id = s.id) AS turns,
        (SELECT SUM(t.cost_usd) FROM traces t WHERE t.project_id = s.project_id AND t.session_id = s.id) AS cost,
        COALESCE(s.satisfaction, (SELECT AVG(${feedbackValue}) FROM feedback f WHERE f.project_id = s.project_id
          AND (f.session_id = s.id OR (f.session_id IS NULL AND f.trace_id IN
            (SELECT t.id FROM traces t WHERE t.project_id = s.project_id AND t.session_id = s.id))))) AS satisfaction
       FROM sessions s WHERE ${sessionWhere}) x`,
    p,
  ))!

  const latMean = num(base.lat_mean)
  const latVar =
    latN > 1 && latMean !== null ? ((Number(base.lat_sq) - latMean * latMean) * latN) / (latN - 1) : 0
  return {
    interactions: Number(base.n),
    errors: Number(base.errors ?? 0),
    latency: {
      n: latN,
      mean: latMean,
      std: Math.sqrt(Math.max(0, latVar)),
      min: num(base.lat_min),
      max: num(base.lat_max),
      p50: await percentile(0.5),
      p95: await percentile(0.95),
      p99: await percentile(0.99),
    },
    ttftMean: num(base.ttft_mean),
    ttftMin: num(base.ttft_min),
    ttftMax: num(base.ttft_max),
    tokens: Number(base.tokens ?? 0),
    cost: Number(base.cost ?? 0),
    scores: Object.fromEntries(
      scoreRows.map((r) => [
        r.name as string,
        {
          n: Number(r.n),
          mean: Number(r.mean),
          high: Number(r.high),
          pos: Number(r.pos),
          neg: Number(r.neg),
        },
      ]),
    ),
    categories: Object.fromEntries(categoryRows.map((r) => [r.category ?? 'uncategorized', Number(r.n)])),
    conversations: {
      n: Number(conv.n),
      turnsMean: num(conv.turns),
      cost: Number(conv.cost ?? 0),
      resolvedYes: Number(conv.resolved_yes ?? 0),
      resolvedKnown: Number(conv.resolved_known ?? 0),
      satisfaction: num(conv.satisfaction),
      satisfactionN: Number(conv.satisfaction_n ?? 0),
    },
  }
}
