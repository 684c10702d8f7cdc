import type { Queryable, SqlValue } from '../db.js'
import { parseJson, parseJsonOrNull, upsertRows } from './sql.js'

export type RunStatus = 'running' | 'completed' | 'failed' | 'cancelled'

/** A run of one configuration over one version of a dataset. Config, assertions and summary are JSON. */
export type StoredRun = {
  id: string
  datasetId: string
  datasetVersion: number
  name: string | null
  status: RunStatus
  config: Record<string, unknown>
  /** Identifies the configuration (prompt version, model, parameters), to find earlier runs of it. */
  configKey: string
  assertions: unknown[]
  evaluators: string[]
  repetitions: number
  environment: string
  provider: string
  simulated: boolean
  /** Executions planned (items × repetitions) and finished so far. */
  total: number
  done: number
  summary: Record<string, unknown> | null
  error: string | null
  createdBy: string | null
  createdAt: number
  startedAt: number | null
  finishedAt: number | null
}

/** One execution of one item. */
export type StoredRunItem = {
  itemId: string
  repetition: number
  traceId: string | null
  output: string | null
  error: string | null
  latencyMs: number | null
  costUsd: number | null
  inputTokens: number | null
  outputTokens: number | null
  /** Evaluator scores by name (null: could not be computed). */
  scores: Record<string, number | null>
  assertions: unknown[]
  passed: boolean
  attempts: number
  createdAt: number
}

type Row = Record<string, SqlValue>
const num = (v: SqlValue | undefined) => (v === null || v === undefined ? null : Number(v))

const toRun = (r: Row): StoredRun => ({
  id: r.id as string,
  datasetId: r.dataset_id as string,
  datasetVersion: Number(r.dataset_version),
  name: r.name as string | null,
  status: r.status as RunStatus,
  config: parseJson(r.config, {}),
  configKey: r.config_key as string,
  assertions: parseJson(r.assertions, []),
  evaluators: parseJson(r.evaluators, []),
  repetitions: Number(r.repetitions),
  environment: r.environment as string,
  provider: r.provider as string,
  simulated: Number(r.simulated) === 1,
  total: Number(r.total),
  done: Number(r.done),
  summary: parseJsonOrNull(r.summary) as Record<string, unknown> | null,
  error: r.error as string | null,
  createdBy: r.created_by as string | null,
  createdAt: Number(r.created_at),
  startedAt: num(r.started_at),
  finishedAt: num(r.finished_at),
})

const toRunItem = (r: Row): StoredRunItem => ({
  itemId: r.item_id as string,
  repetition: Number(r.repetition),
  traceId: r.trace_id as string | null,
  output: r.output as string | null,
  error: r.error as string | null,
  latencyMs: num(r.latency_ms),
  costUsd: num(r.cost_usd),
  inputTokens: num(r.input_tokens),
  outputTokens: num(r.output_tokens),
  scores: parseJson(r.scores, {}),
  assertions: parseJson(r.assertions, []),
  passed: Number(r.passed) === 1,
  attempts: Number(r.attempts),
  createdAt: Number(r.created_at),
})

// biome-ignore format: a table of column names
const RUN_COLUMNS = [
  'project_id', 'id', 'dataset_id', 'dataset_version', 'name', 'status', 'config', 'config_key', 'assertions',
  'evaluators', 'repetitions', 'environment', 'provider', 'simulated', 'total', 'done', 'summary', 'error',
  'created_by', 'created_at', 'started_at', 'finished_at',
] as const

export async function insertRun(tx: Queryable, projectId: string, r: StoredRun): Promise<void> {
  const row: Row = {
    project_id: projectId,
    id: r.id,
    dataset_id: r.datasetId,
    dataset_version: r.datasetVersion,
    name: r.name,
    status: r.status,
    config: JSON.stringify(r.config),
    config_key: r.configKey,
    assertions: JSON.stringify(r.assertions),
    evaluators: JSON.stringify(r.evaluators),
    repetitions: r.repetitions,
    environment: r.environment,
    provider: r.provider,
    simulated: r.simulated ? 1 : 0,
    total: r.total,
    done: r.done,
    summary: r.summary === null ? null : JSON.stringify(r.summary),
    error: r.error,
    created_by: r.createdBy,
    created_at: r.createdAt,
    started_at: r.startedAt,
    finished_at: r.finishedAt,
  }
  await upsertRows(tx, 'dataset_runs', RUN_COLUMNS, ['project_id', 'id'], [row])
}

export async function getRun(db: Queryable, projectId: string, id: string): Promise<StoredRun | undefined> {
  const row = await db.get<Row>('SELECT * FROM dataset_runs WHERE project_id = ? AND id = ?', [projectId, id])
  return row && toRun(row)
}

/** Newest first; of one dataset when given. */
export async function listRuns(
  db: Queryable,
  projectId: string,
  filter: {
    datasetId?: string
    status?: RunStatus
    configKey?: string
    datasetVersion?: number
    limit?: number
  },
): Promise<StoredRun[]> {
  const where = ['project_id = ?']
  const params: SqlValue[] = [projectId]
  const add = (sql: string, v: SqlValue | undefined) => {
    if (v === undefined) return
    where.push(sql)
    params.push(v)
  }
  add('dataset_id = ?', filter.datasetId)
  add('status = ?', filter.status)
  add('config_key = ?', filter.configKey)
  add('dataset_version = ?', filter.datasetVersion)
  const rows = await db.all<Row>(
    `SELECT * FROM dataset_runs WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT ?`,
    [...params, filter.limit ?? 100],
  )
  return rows.map(toRun)
}

/** Records the end of a run (or its progress, with status 'running'). */
export async function updateRunState(
  tx: Queryable,
  projectId: string,
  id: string,
  s: {
    status: RunStatus
    done: number
    summary?: Record<string, unknown> | null
    error?: string | null
    finishedAt?: number | null
  },
): Promise<void> {
  await tx.run(
    `UPDATE dataset_runs SET status = ?, done = ?, summary = COALESCE(?, summary), error = COALESCE(?, error),
       finished_at = COALESCE(?, finished_at) WHERE project_id = ? AND id = ?`,
    [
      s.status,
      s.done,
      s.summary ? JSON.stringify(s.summary) : null,
      s.error ?? null,
      s.finishedAt ?? null,
      projectId,
      id,
    ],
  )
}

// biome-ignore format: a table of column names
const ITEM_COLUMNS = [
  'project_id', 'run_id', 'item_id', 'repetition', 'trace_id', 'output', 'error', 'latency_ms', 'cost_usd',
  'input_tokens', 'output_tokens', 'scores', 'assertions', 'passed', 'attempts', 'created_at',
] as const

export async function insertRunItems(
  tx: Queryable,
  projectId: string,
  runId: string,
  items: readonly StoredRunItem[],
): Promise<void> {
  const rows = items.map((i) => ({
    project_id: projectId,
    run_id: runId,
    item_id: i.itemId,
    repetition: i.repetition,
    trace_id: i.traceId,
    output: i.output,
    error: i.error,
    latency_ms: i.latencyMs,
    cost_usd: i.costUsd,
    input_tokens: i.inputTokens,
    output_tokens: i.outputTokens,
    scores: JSON.stringify(i.scores),
    assertions: JSON.stringify(i.assertions),
    passed: i.passed ? 1 : 0,
    attempts: i.attempts,
    created_at: i.createdAt,
  }))
  await upsertRows(
    tx,
    'dataset_run_items',
    ITEM_COLUMNS,
    ['project_id', 'run_id', 'item_id', 'repetition'],
    rows,
  )
}

/** Every execution of a run, by item then repetition. */
export async function listRunItems(
  db: Queryable,
  projectId: string,
  runId: string,
): Promise<StoredRunItem[]> {
  const rows = await db.all<Row>(
    'SELECT * FROM dataset_run_items WHERE project_id = ? AND run_id = ? ORDER BY item_id, repetition',
    [projectId, runId],
  )
  return rows.map(toRunItem)
}
