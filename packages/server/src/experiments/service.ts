import { invalid, notFound, ServiceError } from '../prompts/index.js'
import {
  type Db,
  deleteExperiment,
  type ExperimentHistoryEntry,
  type ExperimentVariant,
  getExperiment,
  insertExperiment,
  lockKeys,
  type Queryable,
  type StoredExperiment,
  saveExperiment,
} from '../store/index.js'
import { checkControl, type ExperimentView, experimentView, resolveVariants } from './definition.js'
import { DEFAULT_GUARDRAILS, DEFAULT_PRIMARY_METRIC } from './metrics.js'
import type { ExperimentCreate } from './schemas.js'

export const weightsOf = (variants: readonly ExperimentVariant[]) =>
  Object.fromEntries(variants.map((v) => [v.key, v.weight]))
/** What decides who sees what: the variants, their order, weights and treatments. */
export const design = (variants: readonly ExperimentVariant[]) =>
  JSON.stringify(variants.map((v) => [v.key, v.weight, v.prompt?.name, v.prompt?.version, v.overrides]))

export async function requireExperiment(
  db: Queryable,
  projectId: string,
  key: string,
): Promise<StoredExperiment> {
  const e = await getExperiment(db, projectId, key)
  if (!e) throw notFound('experiment', key)
  return e
}

export async function createExperiment(
  db: Db,
  projectId: string,
  body: ExperimentCreate,
  by: string | null,
  now = Date.now(),
): Promise<ExperimentView> {
  const variants = await resolveVariants(db, projectId, body.variants)
  const control = body.control ?? variants[0]!.key
  checkControl(variants, control)
  const primaryMetric = body.primaryMetric ?? DEFAULT_PRIMARY_METRIC
  const history: ExperimentHistoryEntry[] = [
    { at: now, action: 'created', by, seed: body.seed ?? body.key, weights: weightsOf(variants) },
  ]
  if (body.start) history.push({ at: now, action: 'started', by })
  const e: StoredExperiment = {
    key: body.key,
    name: body.name ?? body.key,
    description: body.description ?? null,
    hypothesis: body.hypothesis ?? null,
    status: body.start ? 'running' : 'draft',
    unit: body.unit,
    seed: body.seed ?? body.key,
    variants,
    control,
    primaryMetric,
    guardrails: (body.guardrails ?? DEFAULT_GUARDRAILS).filter((g) => g !== primaryMetric),
    settings: body.settings,
    history,
    revision: 0,
    randomizedAt: null,
    startedAt: body.start ? now : null,
    stoppedAt: null,
    createdBy: by,
    createdAt: now,
    updatedAt: now,
  }
  const inserted = await db.transaction((tx) => insertExperiment(tx, projectId, e))
  if (!inserted)
    throw new ServiceError(
      'conflict',
      'experiment_exists',
      `key: an experiment "${body.key}" exists already`,
      { field: 'key' },
    )
  return experimentView(e)
}

export async function startExperiment(
  db: Db,
  projectId: string,
  key: string,
  by: string | null,
  now = Date.now(),
) {
  return transition(db, projectId, key, (e) => {
    if (e.status === 'running') return null
    if (e.status === 'stopped')
      throw new ServiceError(
        'conflict',
        'experiment_stopped',
        `experiment "${key}" has stopped; create a new one so results do not mix`,
      )
    return {
      ...e,
      status: 'running',
      startedAt: now,
      updatedAt: now,
      history: [...e.history, { at: now, action: 'started', by }],
    }
  })
}

export async function stopExperiment(
  db: Db,
  projectId: string,
  key: string,
  p: { winner?: string; note?: string; by: string | null },
  now = Date.now(),
) {
  return transition(db, projectId, key, (e) => {
    if (e.status === 'stopped')
      throw new ServiceError('conflict', 'experiment_stopped', `experiment "${key}" has stopped already`)
    if (p.winner !== undefined && !e.variants.some((v) => v.key === p.winner))
      throw invalid('unknown_variant', 'winner', `"${p.winner}" is not one of the variants`)
    const entry: ExperimentHistoryEntry = {
      at: now,
      action: 'stopped',
      by: p.by,
      ...(p.winner && { winner: p.winner }),
      ...(p.note && { note: p.note }),
    }
    return { ...e, status: 'stopped', stoppedAt: now, updatedAt: now, history: [...e.history, entry] }
  })
}

/** Deletes a draft or stopped experiment; its exposures stay on the traces. */
export async function removeExperiment(db: Db, projectId: string, key: string): Promise<void> {
  const e = await requireExperiment(db, projectId, key)
  if (e.status === 'running')
    throw new ServiceError('conflict', 'experiment_running', `experiment "${key}" is running; stop it first`)
  await deleteExperiment(db, projectId, key)
}

async function transition(
  db: Db,
  projectId: string,
  key: string,
  change: (e: StoredExperiment) => StoredExperiment | null,
): Promise<ExperimentView> {
  const saved = await db.transaction(async (tx) => {
    await lockKeys(tx, [`experiment:${projectId}:${key}`])
    const e = await getExperiment(tx, projectId, key)
    if (!e) throw notFound('experiment', key)
    const next = change(e)
    if (next) await saveExperiment(tx, projectId, next)
    return next ?? e
  })
  return experimentView(saved)
}
