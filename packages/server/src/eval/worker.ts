import type { BackgroundTask } from '../background.js'
import { type IngestHooks, ingestBatch } from '../ingest/index.js'
import { createPricer } from '../ingest/pricer.js'
import { newId } from '../model/ids.js'
import { claimJobs, completeJob, type Db, type EvalJob, failJob, skipJob } from '../store/index.js'
import { loadTarget } from './inputs.js'
import { EvaluationError, type RunOutput, type TaskRunner } from './runner.js'
import type { SettingsCache } from './settings-cache.js'
import { HEURISTICS, type TaskName } from './tasks.js'

export type WorkerOptions = {
  db: Db
  hooks: IngestHooks
  runner: TaskRunner
  settings: SettingsCache
  /** Judge calls in flight at once. */
  judgeConcurrency?: number
  /** Heuristic jobs taken per round. */
  heuristicBatch?: number
  pollIntervalMs?: number
  /** A claimed job whose worker has not finished it within this time is taken again. */
  leaseMs?: number
  onError?: (err: unknown) => void
  /** Called after each round of heuristic jobs (the corpus is saved then). */
  onRoundDone?: () => Promise<void>
}

const RETRY_BASE_MS = 2_000
const RETRY_MAX_MS = 10 * 60_000

/** Exponential backoff with full jitter, at least what the provider asked for. */
export function retryDelayMs(attempt: number, retryAfterMs = 0, random = Math.random): number {
  const cap = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempt - 1))
  return Math.max(retryAfterMs, Math.round(cap / 2 + (random() * cap) / 2))
}

/**
 * Runs queued evaluations: a fast lane for heuristics (many per round) and a judge lane with
 * bounded concurrency. Jobs are leased, so a crashed server's jobs run again after the lease;
 * scores are stored through the ingest path with ids fixed per job, so a rerun replaces them.
 */
export class EvaluationWorker implements BackgroundTask {
  readonly name = 'evaluation-worker'
  private timer: NodeJS.Timeout | undefined
  private stopped = true
  private heuristicsRunning: Promise<void> | null = null
  private readonly judgeInFlight = new Set<Promise<void>>()
  private readonly o: Required<Omit<WorkerOptions, 'onError' | 'onRoundDone'>> &
    Pick<WorkerOptions, 'onError' | 'onRoundDone'>

  constructor(options: WorkerOptions) {
    this.o = { judgeConcurrency: 4, heuristicBatch: 100, pollIntervalMs: 250, leaseMs: 120_000, ...options }
  }

  start(): void {
    this.stopped = false
    this.timer = setInterval(() => this.poke(), this.o.pollIntervalMs)
    this.timer.unref()
    this.poke()
  }

  /** Looks for work now (called after an ingest commit, so scores follow traces closely). */
  poke(): void {
    if (this.stopped) return
    if (!this.heuristicsRunning) {
      this.heuristicsRunning = this.heuristicRound()
        .catch((err) => this.o.onError?.(err))
        .finally(() => {
          this.heuristicsRunning = null
        })
    }
    this.fillJudgeLane().catch((err) => this.o.onError?.(err))
  }

  async stop(): Promise<void> {
    this.stopped = true
    clearInterval(this.timer)
    await this.heuristicsRunning
    await Promise.allSettled([...this.judgeInFlight])
  }

  /** Runs until no heuristic job is due. */
  private async heuristicRound(): Promise<void> {
    for (;;) {
      const jobs = await this.claim('heuristic', this.o.heuristicBatch)
      if (jobs.length === 0 || this.stopped) return
      await Promise.all(jobs.map((job) => this.process(job)))
      await this.o.onRoundDone?.()
    }
  }

  private async fillJudgeLane(): Promise<void> {
    const free = this.o.judgeConcurrency - this.judgeInFlight.size
    if (free <= 0) return
    for (const job of await this.claim('judge', free)) {
      const p: Promise<void> = this.process(job).finally(() => {
        this.judgeInFlight.delete(p)
        this.poke()
      })
      this.judgeInFlight.add(p)
    }
  }

  private claim(lane: 'heuristic' | 'judge', limit: number): Promise<EvalJob[]> {
    return this.o.db.transaction((tx) => claimJobs(tx, Date.now(), this.o.leaseMs, limit, lane))
  }

  private async process(job: EvalJob): Promise<void> {
    const { db } = this.o
    const started = performance.now()
    const elapsed = () => performance.now() - started
    try {
      const target = await loadTarget(db, job.projectId, job.traceId, job.spanId)
      if ('skip' in target) return await skipJob(db, job.id, target.skip, Date.now())
      const settings = await this.o.settings.get(db, job.projectId)
      const out = await this.o.runner.run(job.evaluator as TaskName, target.input, {
        projectId: job.projectId,
        settings,
      })
      const stored = await this.storeScores(job, out)
      await completeJob(
        db,
        job.id,
        {
          scores: stored,
          judgeModel: out.judge?.model,
          judgeInputTokens: out.judge?.inputTokens,
          judgeOutputTokens: out.judge?.outputTokens,
          judgeCostUsd: out.judge?.costUsd,
          simulated: out.judge?.simulated,
          durationMs: elapsed(),
        },
        Date.now(),
      )
    } catch (err) {
      const e =
        err instanceof EvaluationError ? err : new EvaluationError((err as Error).message, 'internal', true)
      const last = job.attempts >= job.maxAttempts || !e.retryable
      await failJob(
        db,
        job.id,
        {
          error: e.message,
          kind: e.kind,
          retryAt: last ? null : Date.now() + retryDelayMs(job.attempts, e.options.retryAfterMs),
          judgeInputTokens: e.options.judge?.inputTokens,
          judgeOutputTokens: e.options.judge?.outputTokens,
          judgeCostUsd: e.options.judge?.costUsd,
          durationMs: elapsed(),
        },
        Date.now(),
      )
    }
  }

  /** Scores go in through the ingest path like any other, so every hook (rollups, alerts) sees them. */
  private async storeScores(job: EvalJob, out: RunOutput): Promise<number> {
    // An evaluator that could not judge (relevance of a greeting) says so with a null value: no
    // score is stored rather than a made-up one.
    const scores = out.scores.filter((s) => s.value !== null || s.stringValue !== undefined)
    if (scores.length === 0) return 0
    const source = job.evaluator === HEURISTICS ? 'heuristic' : 'judge'
    const target = job.spanId ? `span:${job.spanId}` : `trace:${job.traceId}`
    const batch = scores.map((s) => ({
      id: newId(),
      type: 'score-create',
      body: {
        id: `${target}:${s.evaluator}:${s.name}`,
        traceId: job.traceId,
        ...(job.spanId && { spanId: job.spanId }),
        name: s.name,
        value: s.value ?? s.stringValue!,
        source,
        evaluator: s.evaluator,
        evaluatorVersion: s.evaluatorVersion,
        comment: s.comment.slice(0, 10_000),
        metadata: {
          ...(s.details && { details: s.details }),
          ...(out.judge && { judgeModel: out.judge.model, simulated: out.judge.simulated }),
          jobId: job.id,
        },
      },
    }))
    const res = await ingestBatch(
      this.o.db,
      { projectId: job.projectId, pricer: PRICER, hooks: this.o.hooks },
      batch,
    )
    if (res.errors.length)
      throw new EvaluationError(`could not store scores: ${res.errors[0]!.message}`, 'store', false)
    return scores.length
  }
}

/** Scores carry no usage; the pricer is never asked. */
const PRICER = createPricer()
