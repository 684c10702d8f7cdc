import type { Queryable, SqlValue } from '../db.js'
import { type FactFilter, factWhere } from './analytics-facts.js'

/** Interactions in [from, to) whose own value breaks a threshold, for per-interaction alert rules. */
export async function countViolatingTraces(
  db: Queryable,
  projectId: string,
  from: number,
  to: number,
  column: 'latency_ms' | 'ttft_ms' | 'cost_usd' | 'total_tokens' | 'error',
  op: '>' | '>=' | '<' | '<=',
  threshold: number,
  f: FactFilter = {},
  sampleIds = 10,
) {
  const { sql, params } = factWhere(projectId, from, to, f)
  const value = column === 'error' ? "(CASE WHEN t.status = 'error' THEN 1 ELSE 0 END)" : `t.${column}`
  const total = await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM traces t WHERE ${sql}`, params)
  const bad = await db.get<{ n: number; worst_max: number | null; worst_min: number | null }>(
    `SELECT COUNT(*) AS n, MAX(${value}) AS worst_max, MIN(${value}) AS worst_min FROM traces t
     WHERE ${sql} AND ${value} ${op} ?`,
    [...params, threshold],
  )
  const ids = await db.all<{ id: string }>(
    `SELECT t.id FROM traces t WHERE ${sql} AND ${value} ${op} ? ORDER BY t.timestamp DESC LIMIT ?`,
    [...params, threshold, sampleIds],
  )
  return {
    total: Number(total?.n ?? 0),
    violations: Number(bad?.n ?? 0),
    worstMax: bad?.worst_max ?? null,
    worstMin: bad?.worst_min ?? null,
    ids: ids.map((r) => r.id),
  }
}

/** Scores of this name recorded in [from, to) that break a threshold (their interactions filtered). */
export async function countViolatingScores(
  db: Queryable,
  projectId: string,
  from: number,
  to: number,
  name: string,
  op: '>' | '>=' | '<' | '<=',
  threshold: number,
  f: FactFilter = {},
  sampleIds = 10,
) {
  const { sql, params } = factWhere(projectId, 0, Number.MAX_SAFE_INTEGER, f)
  const base = `FROM scores s JOIN traces t ON t.project_id = s.project_id AND t.id = s.trace_id
     WHERE s.project_id = ? AND s.name = ? AND s.timestamp >= ? AND s.timestamp < ? AND s.value IS NOT NULL AND ${sql}`
  const baseParams: SqlValue[] = [projectId, name, from, to, ...params]
  const total = await db.get<{ n: number }>(`SELECT COUNT(*) AS n ${base}`, baseParams)
  const bad = await db.get<{ n: number; worst_max: number | null; worst_min: number | null }>(
    `SELECT COUNT(DISTINCT s.trace_id) AS n, MAX(s.value) AS worst_max, MIN(s.value) AS worst_min ${base} AND s.value ${op} ?`,
    [...baseParams, threshold],
  )
  const ids = await db.all<{ id: string }>(
    `SELECT DISTINCT s.trace_id AS id, s.timestamp ${base} AND s.value ${op} ? ORDER BY s.timestamp DESC LIMIT ?`,
    [...baseParams, threshold, sampleIds],
  )
  return {
    total: Number(total?.n ?? 0),
    violations: Number(bad?.n ?? 0),
    worstMax: bad?.worst_max ?? null,
    worstMin: bad?.worst_min ?? null,
    ids: ids.map((r) => r.id),
  }
}
