import type { Queryable, SqlValue } from '../db.js'
import { parseJson, upsertRows } from './sql.js'

export type RecommendationStatus = 'open' | 'applied' | 'dismissed'
export type Priority = 'high' | 'medium' | 'low'
export type Effort = 'low' | 'medium' | 'high'

/** A recommendation as stored; `evidence`, `proposal` and `scope` are JSON read and written whole. */
export type StoredRecommendation = {
  id: string
  /** The rule that produced it (low_quality_category, slow_responses, …) or "llm". */
  rule: string
  /** Rule and scope: the same finding in a later window refreshes the open one instead of adding another. */
  fingerprint: string
  status: RecommendationStatus
  priority: Priority
  title: string
  /** The figures behind it, by name. */
  evidence: Record<string, unknown>
  evidenceText: string
  action: string
  expectedEffect: string
  effort: Effort
  /** What "apply" does; { kind: 'manual' } when chatlens cannot do it for you. */
  proposal: Record<string, unknown>
  /** The slice of traffic it is about (bot, environment, category, model, prompt). */
  scope: Record<string, unknown>
  source: 'rules' | 'llm'
  provider: string | null
  simulated: boolean | null
  windowFrom: number
  windowTo: number
  experimentKey: string | null
  promptName: string | null
  promptVersion: number | null
  note: string | null
  createdAt: number
  updatedAt: number
  appliedAt: number | null
  dismissedAt: number | null
}

type Row = Record<string, SqlValue>
const num = (v: SqlValue | undefined) => (v === null || v === undefined ? null : Number(v))

const toRecommendation = (r: Row): StoredRecommendation => ({
  id: r.id as string,
  rule: r.rule as string,
  fingerprint: r.fingerprint as string,
  status: r.status as RecommendationStatus,
  priority: r.priority as Priority,
  title: r.title as string,
  evidence: parseJson(r.evidence, {}),
  evidenceText: r.evidence_text as string,
  action: r.action as string,
  expectedEffect: r.expected_effect as string,
  effort: r.effort as Effort,
  proposal: parseJson(r.proposal, {}),
  scope: parseJson(r.scope, {}),
  source: r.source as 'rules' | 'llm',
  provider: r.provider as string | null,
  simulated: r.simulated === null || r.simulated === undefined ? null : Number(r.simulated) === 1,
  windowFrom: Number(r.window_from),
  windowTo: Number(r.window_to),
  experimentKey: r.experiment_key as string | null,
  promptName: r.prompt_name as string | null,
  promptVersion: num(r.prompt_version),
  note: r.note as string | null,
  createdAt: Number(r.created_at),
  updatedAt: Number(r.updated_at),
  appliedAt: num(r.applied_at),
  dismissedAt: num(r.dismissed_at),
})

// biome-ignore format: a table of column names
const COLUMNS = [
  'project_id', 'id', 'rule', 'fingerprint', 'status', 'priority', 'title', 'evidence', 'evidence_text', 'action',
  'expected_effect', 'effort', 'proposal', 'scope', 'source', 'provider', 'simulated', 'window_from', 'window_to',
  'experiment_key', 'prompt_name', 'prompt_version', 'note', 'created_at', 'updated_at', 'applied_at', 'dismissed_at',
] as const

/** Inserts or replaces whole recommendations. */
export async function saveRecommendations(
  tx: Queryable,
  projectId: string,
  list: readonly StoredRecommendation[],
): Promise<void> {
  const rows = list.map((r) => ({
    project_id: projectId,
    id: r.id,
    rule: r.rule,
    fingerprint: r.fingerprint,
    status: r.status,
    priority: r.priority,
    title: r.title,
    evidence: JSON.stringify(r.evidence),
    evidence_text: r.evidenceText,
    action: r.action,
    expected_effect: r.expectedEffect,
    effort: r.effort,
    proposal: JSON.stringify(r.proposal),
    scope: JSON.stringify(r.scope),
    source: r.source,
    provider: r.provider,
    simulated: r.simulated === null ? null : r.simulated ? 1 : 0,
    window_from: r.windowFrom,
    window_to: r.windowTo,
    experiment_key: r.experimentKey,
    prompt_name: r.promptName,
    prompt_version: r.promptVersion,
    note: r.note,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
    applied_at: r.appliedAt,
    dismissed_at: r.dismissedAt,
  }))
  await upsertRows(tx, 'recommendations', COLUMNS, ['project_id', 'id'], rows)
}

export async function getRecommendation(
  db: Queryable,
  projectId: string,
  id: string,
): Promise<StoredRecommendation | undefined> {
  const row = await db.get<Row>('SELECT * FROM recommendations WHERE project_id = ? AND id = ?', [
    projectId,
    id,
  ])
  return row && toRecommendation(row)
}

const RANK = "CASE priority WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END"

/** Highest priority first, then newest. */
export async function listRecommendations(
  db: Queryable,
  projectId: string,
  filter: {
    status?: RecommendationStatus
    fingerprint?: string
    experimentKey?: string
    limit?: number
  } = {},
): Promise<StoredRecommendation[]> {
  const where = ['project_id = ?']
  const params: SqlValue[] = [projectId]
  for (const [column, value] of [
    ['status', filter.status],
    ['fingerprint', filter.fingerprint],
    ['experiment_key', filter.experimentKey],
  ] as const) {
    if (value === undefined) continue
    where.push(`${column} = ?`)
    params.push(value)
  }
  const rows = await db.all<Row>(
    `SELECT * FROM recommendations WHERE ${where.join(' AND ')} ORDER BY ${RANK}, updated_at DESC, id LIMIT ?`,
    [...params, filter.limit ?? 200],
  )
  return rows.map(toRecommendation)
}
