import type { Queryable, SqlValue } from '../db.js'
import { type Cursor, type Page, toPage } from './cursor.js'
import { parseJson } from './sql.js'

/**
 * apply: a recommendation became a prompt version and an experiment; promote: a winner got the
 * production label; revert: an earlier action was undone.
 */
export type OptimizationActionKind = 'apply' | 'promote' | 'revert'

export type OptimizationAction = {
  id: string
  at: number
  kind: OptimizationActionKind
  /** Taken by the optimization cycle on its own (true) or asked for by someone (false). */
  automatic: boolean
  actor: string | null
  recommendationId: string | null
  experimentKey: string | null
  promptName: string | null
  label: string | null
  /** The version the label pointed at before, and after (promote); the base and the new version (apply). */
  fromVersion: number | null
  toVersion: number | null
  summary: string
  details: Record<string, unknown>
  /** The action this one undid (revert). */
  revertOf: string | null
  revertedAt: number | null
  revertedBy: string | null
}

type Row = Record<string, SqlValue>
const num = (v: SqlValue | undefined) => (v === null || v === undefined ? null : Number(v))

const toAction = (r: Row): OptimizationAction => ({
  id: r.id as string,
  at: Number(r.at),
  kind: r.kind as OptimizationActionKind,
  automatic: Number(r.automatic) === 1,
  actor: r.actor as string | null,
  recommendationId: r.recommendation_id as string | null,
  experimentKey: r.experiment_key as string | null,
  promptName: r.prompt_name as string | null,
  label: r.label as string | null,
  fromVersion: num(r.from_version),
  toVersion: num(r.to_version),
  summary: r.summary as string,
  details: parseJson(r.details, {}),
  revertOf: r.revert_of as string | null,
  revertedAt: num(r.reverted_at),
  revertedBy: r.reverted_by as string | null,
})

export async function insertOptimizationAction(
  tx: Queryable,
  projectId: string,
  a: OptimizationAction,
): Promise<void> {
  await tx.run(
    `INSERT INTO optimization_actions (project_id, id, at, kind, automatic, actor, recommendation_id, experiment_key,
       prompt_name, label, from_version, to_version, summary, details, revert_of, reverted_at, reverted_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      projectId,
      a.id,
      a.at,
      a.kind,
      a.automatic ? 1 : 0,
      a.actor,
      a.recommendationId,
      a.experimentKey,
      a.promptName,
      a.label,
      a.fromVersion,
      a.toVersion,
      a.summary,
      JSON.stringify(a.details),
      a.revertOf,
      a.revertedAt,
      a.revertedBy,
    ],
  )
}

export async function getOptimizationAction(
  db: Queryable,
  projectId: string,
  id: string,
): Promise<OptimizationAction | undefined> {
  const row = await db.get<Row>('SELECT * FROM optimization_actions WHERE project_id = ? AND id = ?', [
    projectId,
    id,
  ])
  return row && toAction(row)
}

/** Marks an action undone; false when it already was (two reverts racing). */
export async function markActionReverted(
  tx: Queryable,
  projectId: string,
  id: string,
  at: number,
  by: string | null,
): Promise<boolean> {
  const { changes } = await tx.run(
    'UPDATE optimization_actions SET reverted_at = ?, reverted_by = ? WHERE project_id = ? AND id = ? AND reverted_at IS NULL',
    [at, by, projectId, id],
  )
  return changes > 0
}

/** Newest first, keyset-paginated on (at, id). */
export async function listOptimizationActions(
  db: Queryable,
  projectId: string,
  filter: { experimentKey?: string; kind?: OptimizationActionKind },
  page: { limit: number; cursor?: Cursor | null },
): Promise<Page<OptimizationAction>> {
  const where = ['project_id = ?']
  const params: SqlValue[] = [projectId]
  if (filter.experimentKey !== undefined) {
    where.push('experiment_key = ?')
    params.push(filter.experimentKey)
  }
  if (filter.kind !== undefined) {
    where.push('kind = ?')
    params.push(filter.kind)
  }
  if (page.cursor) {
    where.push('(at < ? OR (at = ? AND id < ?))')
    params.push(page.cursor.t, page.cursor.t, page.cursor.id)
  }
  const rows = await db.all<Row>(
    `SELECT * FROM optimization_actions WHERE ${where.join(' AND ')} ORDER BY at DESC, id DESC LIMIT ?`,
    [...params, page.limit + 1],
  )
  return toPage(rows.map(toAction), page.limit, (a) => ({ t: a.at, id: a.id }))
}
