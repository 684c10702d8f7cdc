import { newId } from '../model/ids.js'
import { insertOptimizationAction, type OptimizationAction, type Queryable } from '../store/index.js'

/** Records an action in the optimization log (inside the caller's transaction). */
export async function logAction(
  tx: Queryable,
  projectId: string,
  a: Omit<OptimizationAction, 'id' | 'revertedAt' | 'revertedBy' | 'revertOf' | 'details'> &
    Partial<Pick<OptimizationAction, 'revertOf' | 'details'>>,
): Promise<OptimizationAction> {
  const action: OptimizationAction = {
    id: newId(a.at),
    revertOf: null,
    details: {},
    ...a,
    revertedAt: null,
    revertedBy: null,
  }
  await insertOptimizationAction(tx, projectId, action)
  return action
}

/** The optimizer's name in histories and labels' updated_by, when it acts on its own. */
export const OPTIMIZER = 'optimizer'
