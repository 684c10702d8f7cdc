import type { Queryable, SqlValue } from '../db.js'
import { type Cursor, type Page, toPage } from './cursor.js'
import { insertIgnore, Where } from './sql.js'

/**
 * pending → running → done; a failed attempt goes back to pending (with last_error) until the
 * last one, which leaves the job `failed` (the dead letters). `skipped`: nothing to evaluate.
 */
export type JobStatus = 'pending' | 'running' | 'done' | 'skipped' | 'failed'

export type EvalJob = {
  id: string
  projectId: string
  traceId: string
  spanId: string | null
  /** The evaluation task: "heuristics", "judge:rubric", … */
  evaluator: string
  status: JobStatus
  attempts: number
  maxAttempts: number
  runAfter: number
  lockedUntil: number | null
  lastError: string | null
  errorKind: string | null
  scores: number | null
  judgeModel: string | null
  judgeInputTokens: number | null
  judgeOutputTokens: number | null
  judgeCostUsd: number | null
  simulated: boolean | null
  durationMs: number | null
  /** Why the job exists: sampled, forced, reevaluate. */
  reason: string | null
  createdAt: number
  updatedAt: number
  finishedAt: number | null
}

type Row = Record<string, SqlValue>

const toJob = (r: Row): EvalJob => ({
  id: r.id as string,
  projectId: r.project_id as string,
  traceId: r.trace_id as string,
  spanId: r.span_id as string | null,
  evaluator: r.evaluator as string,
  status: r.status as JobStatus,
  attempts: Number(r.attempts),
  maxAttempts: Number(r.max_attempts),
  runAfter: Number(r.run_after),
  lockedUntil: r.locked_until as number | null,
  lastError: r.last_error as string | null,
  errorKind: r.error_kind as string | null,
  scores: r.scores as number | null,
  judgeModel: r.judge_model as string | null,
  judgeInputTokens: r.judge_input_tokens as number | null,
  judgeOutputTokens: r.judge_output_tokens as number | null,
  judgeCostUsd: r.judge_cost_usd as number | null,
  simulated: r.simulated === null || r.simulated === undefined ? null : Number(r.simulated) === 1,
  durationMs: r.duration_ms as number | null,
  reason: r.reason as string | null,
  createdAt: Number(r.created_at),
  updatedAt: Number(r.updated_at),
  finishedAt: r.finished_at as number | null,
})

export type NewJob = Pick<
  EvalJob,
  'id' | 'projectId' | 'traceId' | 'spanId' | 'evaluator' | 'maxAttempts' | 'reason'
> & {
  runAfter: number
}

/** Adds jobs; a job whose id exists already is left as it is (ids are deterministic per target). */
export function enqueueJobs(tx: Queryable, jobs: readonly NewJob[], now: number): Promise<void> {
  const rows = jobs.map((j) => ({
    id: j.id,
    project_id: j.projectId,
    trace_id: j.traceId,
    span_id: j.spanId,
    evaluator: j.evaluator,
    status: 'pending',
    attempts: 0,
    max_attempts: j.maxAttempts,
    run_after: j.runAfter,
    reason: j.reason,
    created_at: now,
    updated_at: now,
  }))
  return insertIgnore(tx, 'eval_jobs', Object.keys(rows[0] ?? { id: 0 }), ['id'], rows)
}

/**
 * Takes up to `limit` jobs that are due, or whose lease ran out (their worker died), and leases
 * them until `now + leaseMs`. PostgreSQL workers skip rows another worker holds.
 */
export async function claimJobs(
  tx: Queryable,
  now: number,
  leaseMs: number,
  limit: number,
  lane: 'heuristic' | 'judge',
): Promise<EvalJob[]> {
  const skipLocked = tx.dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : ''
  const laneWhere = lane === 'heuristic' ? "evaluator = 'heuristics'" : "evaluator <> 'heuristics'"
  const rows = await tx.all<Row>(
    `UPDATE eval_jobs SET status = 'running', attempts = attempts + 1, locked_until = ?, updated_at = ?
     WHERE id IN (
       SELECT id FROM eval_jobs
       WHERE ${laneWhere} AND ((status = 'pending' AND run_after <= ?) OR (status = 'running' AND locked_until < ?))
       ORDER BY run_after LIMIT ?${skipLocked})
     RETURNING *`,
    [now + leaseMs, now, now, now, limit],
  )
  return rows.map(toJob)
}

export type JobOutcome = {
  scores: number
  judgeModel?: string | null
  judgeInputTokens?: number | null
  judgeOutputTokens?: number | null
  judgeCostUsd?: number | null
  simulated?: boolean | null
  durationMs: number
}

export async function completeJob(db: Queryable, id: string, o: JobOutcome, now: number): Promise<void> {
  await db.run(
    `UPDATE eval_jobs SET status = 'done', locked_until = NULL, last_error = NULL, error_kind = NULL, scores = ?,
       judge_model = ?, judge_input_tokens = ?, judge_output_tokens = ?, judge_cost_usd = ?, simulated = ?,
       duration_ms = ?, updated_at = ?, finished_at = ? WHERE id = ?`,
    [
      o.scores,
      o.judgeModel ?? null,
      o.judgeInputTokens ?? null,
      o.judgeOutputTokens ?? null,
      o.judgeCostUsd ?? null,
      o.simulated == null ? null : o.simulated ? 1 : 0,
      o.durationMs,
      now,
      now,
      id,
    ],
  )
}

export type JobFailure = {
  error: string
  kind: string
  /** When to try again; null fails the job for good (the dead letters). */
  retryAt: number | null
  judgeInputTokens?: number | null
  judgeOutputTokens?: number | null
  judgeCostUsd?: number | null
  durationMs: number
}

/** Records a failed attempt: back to pending for a retry, or failed for good after the last one. */
export async function failJob(db: Queryable, id: string, f: JobFailure, now: number): Promise<void> {
  await db.run(
    `UPDATE eval_jobs SET status = ?, run_after = COALESCE(?, run_after), locked_until = NULL, last_error = ?,
       error_kind = ?, judge_input_tokens = COALESCE(judge_input_tokens, 0) + ?,
       judge_output_tokens = COALESCE(judge_output_tokens, 0) + ?, judge_cost_usd = COALESCE(judge_cost_usd, 0) + ?,
       duration_ms = ?, updated_at = ?, finished_at = ? WHERE id = ?`,
    [
      f.retryAt === null ? 'failed' : 'pending',
      f.retryAt,
      f.error.slice(0, 2000),
      f.kind,
      f.judgeInputTokens ?? 0,
      f.judgeOutputTokens ?? 0,
      f.judgeCostUsd ?? 0,
      f.durationMs,
      now,
      f.retryAt === null ? now : null,
      id,
    ],
  )
}

export async function skipJob(db: Queryable, id: string, reason: string, now: number): Promise<void> {
  await db.run(
    `UPDATE eval_jobs SET status = 'skipped', locked_until = NULL, last_error = ?, error_kind = 'skipped',
       updated_at = ?, finished_at = ? WHERE id = ?`,
    [reason, now, now, id],
  )
}

export type JobCounts = Record<JobStatus, number> & { oldestPendingAt: number | null }

export async function jobCounts(db: Queryable, projectId?: string): Promise<JobCounts> {
  const where = projectId ? 'WHERE project_id = ?' : ''
  const rows = await db.all<{ status: JobStatus; n: number; oldest: number | null }>(
    `SELECT status, COUNT(*) AS n, MIN(CASE WHEN status = 'pending' THEN created_at END) AS oldest
     FROM eval_jobs ${where} GROUP BY status`,
    projectId ? [projectId] : [],
  )
  const counts: JobCounts = { pending: 0, running: 0, done: 0, skipped: 0, failed: 0, oldestPendingAt: null }
  for (const r of rows) {
    counts[r.status] = Number(r.n)
    if (r.oldest !== null) counts.oldestPendingAt = Number(r.oldest)
  }
  return counts
}

export type JobFilter = { status?: JobStatus; traceId?: string; evaluator?: string }

export async function listJobs(
  db: Queryable,
  projectId: string,
  f: JobFilter,
  page: { limit: number; cursor?: Cursor | null },
): Promise<Page<EvalJob>> {
  const where = new Where()
    .add('project_id = ?', projectId)
    .when('status = ?', f.status)
    .when('trace_id = ?', f.traceId)
    .when('evaluator = ?', f.evaluator)
    .before(page.cursor, 'updated_at')
  const rows = await db.all<Row>(
    `SELECT * FROM eval_jobs WHERE ${where.sql} ORDER BY updated_at DESC, id DESC LIMIT ?`,
    [...where.params, page.limit + 1],
  )
  return toPage(rows.map(toJob), page.limit, (j) => ({ t: j.updatedAt, id: j.id }))
}

export async function loadCorpus(db: Queryable, projectId: string): Promise<string | undefined> {
  return (await db.get<{ stats: string }>('SELECT stats FROM eval_corpus WHERE project_id = ?', [projectId]))
    ?.stats
}

export async function saveCorpus(
  db: Queryable,
  projectId: string,
  stats: string,
  documents: number,
  now: number,
) {
  await db.run(
    `INSERT INTO eval_corpus (project_id, stats, documents, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (project_id) DO UPDATE SET stats = excluded.stats, documents = excluded.documents,
       updated_at = excluded.updated_at`,
    [projectId, stats, documents, now],
  )
}
