import type { Queryable, SqlValue } from '../db.js'
import { parseJson } from './sql.js'

export type ExperimentStatus = 'draft' | 'running' | 'stopped'
export type ExperimentUnit = 'user' | 'session'

/** What a variant changes: a pinned prompt version, and/or overrides of the model call. */
export type ExperimentVariant = {
  key: string
  name: string | null
  description: string | null
  weight: number
  prompt: { name: string; version: number; label: string | null } | null
  overrides: { systemMessage?: string; model?: string; temperature?: number; maxTokens?: number }
}

export type ExperimentSettings = {
  alpha: number
  power: number
  correction: 'holm' | 'bh' | 'none'
  /** Always-valid p-values and intervals, for experiments watched as they run. */
  sequential: boolean
  /** Smallest relative change of the primary metric worth detecting (0.05 = 5 %). */
  minimumEffect: number
}

export type ExperimentHistoryEntry = {
  at: number
  action: 'created' | 'updated' | 'started' | 'stopped' | 'rerandomized'
  by: string | null
  seed?: string
  weights?: Record<string, number>
  winner?: string
  note?: string
}

export type StoredExperiment = {
  key: string
  name: string
  description: string | null
  hypothesis: string | null
  status: ExperimentStatus
  unit: ExperimentUnit
  seed: string
  variants: ExperimentVariant[]
  control: string
  primaryMetric: string
  guardrails: string[]
  settings: ExperimentSettings
  history: ExperimentHistoryEntry[]
  /** Increases with every re-randomisation (new seed). */
  revision: number
  /** When the current seed took effect, if it was re-randomised; results count traces received since. */
  randomizedAt: number | null
  startedAt: number | null
  stoppedAt: number | null
  createdBy: string | null
  createdAt: number
  updatedAt: number
}

type Row = Record<string, SqlValue>

const toExperiment = (r: Row): StoredExperiment => ({
  key: r.key as string,
  name: r.name as string,
  description: r.description as string | null,
  hypothesis: r.hypothesis as string | null,
  status: r.status as ExperimentStatus,
  unit: r.unit as ExperimentUnit,
  seed: r.seed as string,
  variants: parseJson<ExperimentVariant[]>(r.variants, []),
  control: r.control as string,
  primaryMetric: r.primary_metric as string,
  guardrails: parseJson<string[]>(r.guardrails, []),
  settings: parseJson<ExperimentSettings>(r.settings, {} as ExperimentSettings),
  history: parseJson<ExperimentHistoryEntry[]>(r.history, []),
  revision: Number(r.revision),
  randomizedAt: r.randomized_at === null ? null : Number(r.randomized_at),
  startedAt: r.started_at === null ? null : Number(r.started_at),
  stoppedAt: r.stopped_at === null ? null : Number(r.stopped_at),
  createdBy: r.created_by as string | null,
  createdAt: Number(r.created_at),
  updatedAt: Number(r.updated_at),
})

// biome-ignore format: a table of column names
const COLUMNS = [
  'project_id', 'key', 'name', 'description', 'hypothesis', 'status', 'unit', 'seed', 'variants', 'control',
  'primary_metric', 'guardrails', 'settings', 'history', 'revision', 'randomized_at', 'started_at',
  'stopped_at', 'created_by', 'created_at', 'updated_at',
] as const

function toRow(projectId: string, e: StoredExperiment): SqlValue[] {
  // biome-ignore format: one row
  return [
    projectId, e.key, e.name, e.description, e.hypothesis, e.status, e.unit, e.seed, JSON.stringify(e.variants),
    e.control, e.primaryMetric, JSON.stringify(e.guardrails), JSON.stringify(e.settings),
    JSON.stringify(e.history), e.revision, e.randomizedAt, e.startedAt, e.stoppedAt, e.createdBy, e.createdAt,
    e.updatedAt,
  ]
}

/** Inserts a new experiment; false when the key is taken. */
export async function insertExperiment(
  tx: Queryable,
  projectId: string,
  e: StoredExperiment,
): Promise<boolean> {
  const { changes } = await tx.run(
    `INSERT INTO experiments (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})
     ON CONFLICT (project_id, key) DO NOTHING`,
    toRow(projectId, e),
  )
  return changes > 0
}

/** Writes every field of an existing experiment. */
export async function saveExperiment(tx: Queryable, projectId: string, e: StoredExperiment): Promise<void> {
  const set = COLUMNS.slice(2)
    .map((c) => `${c} = ?`)
    .join(', ')
  await tx.run(`UPDATE experiments SET ${set} WHERE project_id = ? AND key = ?`, [
    ...toRow(projectId, e).slice(2),
    projectId,
    e.key,
  ])
}

export async function getExperiment(
  db: Queryable,
  projectId: string,
  key: string,
): Promise<StoredExperiment | undefined> {
  const row = await db.get<Row>('SELECT * FROM experiments WHERE project_id = ? AND key = ?', [
    projectId,
    key,
  ])
  return row && toExperiment(row)
}

/** Newest first; optionally only those in one status. */
export async function listExperiments(
  db: Queryable,
  projectId: string,
  filter: { status?: ExperimentStatus } = {},
): Promise<StoredExperiment[]> {
  const rows = await db.all<Row>(
    `SELECT * FROM experiments WHERE project_id = ?${filter.status ? ' AND status = ?' : ''}
     ORDER BY created_at DESC, key`,
    filter.status ? [projectId, filter.status] : [projectId],
  )
  return rows.map(toExperiment)
}

export async function deleteExperiment(db: Queryable, projectId: string, key: string): Promise<boolean> {
  const { changes } = await db.run('DELETE FROM experiments WHERE project_id = ? AND key = ?', [
    projectId,
    key,
  ])
  return changes > 0
}
