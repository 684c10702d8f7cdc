import { invalid, notFound, ServiceError } from '../prompts/index.js'
import {
  type Db,
  type ExperimentHistoryEntry,
  getExperiment,
  lockKeys,
  type StoredExperiment,
  saveExperiment,
} from '../store/index.js'
import { checkControl, type ExperimentView, experimentView, resolveVariants } from './definition.js'
import type { ExperimentUpdate } from './schemas.js'
import { design, weightsOf } from './service.js'

/**
 * Changes an experiment. On a running one, anything that decides who sees what (variants,
 * weights, treatments, unit, seed) is refused unless `rerandomize` asks for a new seed: then
 * everyone is assigned afresh, and results count only traces received from now on, so units
 * that switched variant never mix the two designs. Never silently.
 */
export async function updateExperiment(
  db: Db,
  projectId: string,
  key: string,
  body: ExperimentUpdate,
  by: string | null,
  now = Date.now(),
): Promise<ExperimentView> {
  const variants = body.variants && (await resolveVariants(db, projectId, body.variants))
  const saved = await db.transaction(async (tx) => {
    await lockKeys(tx, [`experiment:${projectId}:${key}`])
    const e = await getExperiment(tx, projectId, key)
    if (!e) throw notFound('experiment', key)
    const next: StoredExperiment = {
      ...e,
      name: body.name ?? e.name,
      description: body.description ?? e.description,
      hypothesis: body.hypothesis ?? e.hypothesis,
      unit: body.unit ?? e.unit,
      variants: variants ?? e.variants,
      control: body.control ?? e.control,
      primaryMetric: body.primaryMetric ?? e.primaryMetric,
      guardrails: body.guardrails ?? e.guardrails,
      settings: { ...e.settings, ...body.settings },
      updatedAt: now,
    }
    next.guardrails = next.guardrails.filter((g) => g !== next.primaryMetric)
    if (variants || body.control) checkControl(next.variants, next.control)
    const redesigned = design(next.variants) !== design(e.variants) || next.unit !== e.unit
    const reseeded = body.seed !== undefined && body.seed !== e.seed
    if (e.status === 'stopped' && (redesigned || reseeded || body.rerandomize))
      throw new ServiceError(
        'conflict',
        'experiment_stopped',
        `experiment "${key}" has stopped; create a new one to test another design`,
      )
    if (e.status === 'running' && (redesigned || reseeded) && !body.rerandomize) {
      const field = redesigned ? (next.unit !== e.unit ? 'unit' : 'variants') : 'seed'
      throw new ServiceError(
        'conflict',
        'design_locked',
        `${field}: experiment "${key}" is running; changing its ${field === 'variants' ? 'variants or weights' : field} would move units between variants. ` +
          'Send "rerandomize": true to assign everyone afresh with a new seed (results then count from now), or stop it and create a new experiment',
        { field },
      )
    }
    const history: ExperimentHistoryEntry[] = [...e.history]
    if (body.rerandomize) {
      next.seed = body.seed ?? `${key}-r${e.revision + 1}`
      if (next.seed === e.seed)
        throw invalid('same_seed', 'seed', 're-randomising needs a seed other than the current one')
      next.revision = e.revision + 1
      if (e.status === 'running') next.randomizedAt = now
      history.push({
        at: now,
        action: 'rerandomized',
        by,
        seed: next.seed,
        weights: weightsOf(next.variants),
      })
    } else {
      if (body.seed !== undefined) next.seed = body.seed
      history.push({
        at: now,
        action: 'updated',
        by,
        ...(redesigned && { weights: weightsOf(next.variants) }),
        ...(reseeded && { seed: next.seed }),
      })
    }
    next.history = history
    await saveExperiment(tx, projectId, next)
    return next
  })
  return experimentView(saved)
}
