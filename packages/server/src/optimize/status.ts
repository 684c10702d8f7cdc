import { notFound, ServiceError } from '../prompts/index.js'
import { type Db, getRecommendation, type StoredRecommendation, saveRecommendations } from '../store/index.js'

/**
 * Dismisses a recommendation, reopens it, or marks it applied by hand (a change made outside
 * chatlens). Applying with an experiment goes through applyRecommendation instead.
 */
export async function setRecommendationStatus(
  db: Db,
  projectId: string,
  id: string,
  change: { status: 'open' | 'dismissed' | 'applied'; note?: string },
  now = Date.now(),
): Promise<StoredRecommendation> {
  const r = await getRecommendation(db, projectId, id)
  if (!r) throw notFound('recommendation', id)
  if (r.status === change.status) return r
  if (r.status === 'applied' && r.experimentKey && change.status !== 'applied')
    throw new ServiceError(
      'conflict',
      'has_experiment',
      `recommendation ${id} opened experiment ${r.experimentKey}: revert its apply action (POST /api/v1/optimize/actions/:id/revert)`,
      { field: 'status' },
    )
  const next: StoredRecommendation = {
    ...r,
    status: change.status,
    updatedAt: now,
    appliedAt: change.status === 'applied' ? now : null,
    dismissedAt: change.status === 'dismissed' ? now : null,
    note: change.note ?? r.note,
  }
  await db.transaction((tx) => saveRecommendations(tx, projectId, [next]))
  return next
}
