import { notFound, ServiceError } from '../prompts/index.js'
import {
  type Db,
  getExperiment,
  getOptimizationAction,
  getPrompt,
  getRecommendation,
  listOptimizationActions,
  lockKeys,
  markActionReverted,
  type OptimizationAction,
  saveExperiment,
  saveRecommendations,
  setPromptLabel,
} from '../store/index.js'
import { logAction } from './actions.js'

const conflict = (code: string, message: string) => new ServiceError('conflict', code, message)

/**
 * Undoes an action of the optimization log. A promotion: the label goes back to the version it
 * had, refused when someone has moved it since. An apply: its experiment is stopped (keeping
 * production) and the recommendation is open again; refused while a promotion that came of it
 * stands. The revert is logged too, and an action is reverted once.
 */
export async function revertAction(
  db: Db,
  projectId: string,
  id: string,
  by: string | null,
  now = Date.now(),
): Promise<{ reverted: OptimizationAction; revert: OptimizationAction }> {
  const a = await getOptimizationAction(db, projectId, id)
  if (!a) throw notFound('action', id)
  if (a.kind === 'revert')
    throw conflict('not_revertible', 'a revert cannot be reverted; apply or promote again')
  if (a.revertedAt !== null) throw conflict('already_reverted', `action ${id} was reverted already`)
  if (a.kind === 'apply' && a.experimentKey) {
    const promotions = await listOptimizationActions(
      db,
      projectId,
      { experimentKey: a.experimentKey, kind: 'promote' },
      { limit: 10 },
    )
    const standing = promotions.data.find((p) => !p.revertedAt)
    if (standing) throw conflict('promoted', `revert the promotion first (action ${standing.id})`)
  }
  return db.transaction(async (tx) => {
    await lockKeys(tx, [
      `optimize-action:${projectId}:${id}`,
      ...(a.promptName ? [`prompt:${projectId}:${a.promptName}`] : []),
    ])
    let summary: string
    if (a.kind === 'promote') {
      const prompt = await getPrompt(tx, projectId, a.promptName!)
      const now_ = prompt?.labels[a.label!]
      if (now_ !== a.toVersion)
        throw conflict(
          'label_moved',
          `${a.label} of ${a.promptName} is at v${now_ ?? '–'} now, not v${a.toVersion}: move it by hand`,
        )
      if (a.fromVersion === null)
        throw conflict('not_revertible', `${a.label} of ${a.promptName} had no version before`)
      await setPromptLabel(tx, projectId, {
        name: a.promptName!,
        label: a.label!,
        version: a.fromVersion,
        now,
        by,
      })
      summary = `${a.promptName}: ${a.label} v${a.toVersion} → v${a.fromVersion} (reverted promotion)`
    } else {
      const e = a.experimentKey ? await getExperiment(tx, projectId, a.experimentKey) : undefined
      if (e?.status === 'running') {
        const entry = {
          at: now,
          action: 'stopped' as const,
          by,
          winner: e.control,
          note: `reverted optimization action ${id}`,
        }
        await saveExperiment(tx, projectId, {
          ...e,
          status: 'stopped',
          stoppedAt: now,
          updatedAt: now,
          history: [...e.history, entry],
        })
      }
      const r = a.recommendationId ? await getRecommendation(tx, projectId, a.recommendationId) : undefined
      if (r)
        await saveRecommendations(tx, projectId, [
          { ...r, status: 'open', appliedAt: null, updatedAt: now, note: `apply reverted (${id})` },
        ])
      summary = `reverted: ${a.summary}${e?.status === 'running' ? `; experiment ${e.key} stopped` : ''}`
    }
    if (!(await markActionReverted(tx, projectId, id, now, by)))
      throw conflict('already_reverted', `action ${id} was reverted already`)
    const revert = await logAction(tx, projectId, {
      at: now, kind: 'revert', automatic: false, actor: by, recommendationId: a.recommendationId, experimentKey: a.experimentKey,
      promptName: a.promptName, label: a.label, fromVersion: a.toVersion, toVersion: a.fromVersion, summary, revertOf: id,
    }) // biome-ignore format: one entry
    return { reverted: { ...a, revertedAt: now, revertedBy: by }, revert }
  })
}
