import type { Provider } from '../../llm/index.js'
import { newId } from '../../model/ids.js'
import type { IngestResponse } from '../../model/index.js'
import { invalid } from '../../prompts/errors.js'
import {
  type Db,
  getRun,
  insertRun,
  insertRunItems,
  type StoredDatasetItem,
  type StoredRun,
  type StoredRunItem,
  updateRunState,
} from '../../store/index.js'
import type { Assertion } from '../assertions/index.js'
import { datasetItems, requireDataset } from '../service.js'
import type { RetryOptions } from './call.js'
import { configKey, describeConfig, resolveConfig } from './config.js'
import { type ExecutionContext, executeItem } from './execute-item.js'
import type { RunBody } from './schemas.js'
import { summarizeRun } from './summary.js'

export type RunDeps = {
  db: Db
  provider: Provider
  /** Stores events through the ingestion path (validation, cost, hooks), as production traffic. */
  ingest: (events: unknown[]) => Promise<IngestResponse>
}

export type RunHooks = {
  /** After each execution: how many are done of how many, and the one that just finished. */
  onProgress?: (done: number, total: number, last: StoredRunItem) => void
  signal?: AbortSignal
  /** Overrides the wait before a retry (tests). */
  waitMs?: RetryOptions['waitMs']
}

export type StartedRun = { run: StoredRun; finished: Promise<StoredRun> }

/** Runs `task` over `work` with at most `limit` at a time, in order of the list. */
async function pool<T>(
  work: readonly T[],
  limit: number,
  task: (w: T) => Promise<void>,
  signal?: AbortSignal,
) {
  let next = 0
  const worker = async () => {
    while (next < work.length && !signal?.aborted) await task(work[next++]!)
  }
  await Promise.all(Array.from({ length: Math.min(limit, work.length) }, worker))
}

/**
 * Checks the run can start (dataset, version, configuration), records it as running, and runs
 * it in the background: `finished` settles with the run as completed, cancelled or failed.
 * Every execution is stored as it finishes, so progress can be read while it runs.
 */
export async function startRun(
  deps: RunDeps,
  projectId: string,
  datasetRef: string,
  body: RunBody,
  by: string | null,
  hooks: RunHooks = {},
): Promise<StartedRun> {
  const dataset = await requireDataset(deps.db, projectId, datasetRef)
  const version = body.datasetVersion ?? dataset.latestVersion
  const items = await datasetItems(deps.db, projectId, dataset, version)
  if (items.length === 0)
    throw invalid('empty_dataset', 'datasetVersion', `dataset ${dataset.name} v${version} has no items`)
  const config = await resolveConfig(deps.db, projectId, body.config, deps.provider)
  const now = Date.now()
  const run: StoredRun = {
    id: newId(now),
    datasetId: dataset.id,
    datasetVersion: version,
    name: body.name ?? describeConfig(config),
    status: 'running',
    config: config as unknown as Record<string, unknown>,
    configKey: configKey(config),
    assertions: body.assertions,
    evaluators: body.evaluators,
    repetitions: body.repeat,
    environment: body.environment,
    provider: deps.provider.name,
    simulated: deps.provider.simulated,
    total: items.length * body.repeat,
    done: 0,
    summary: null,
    error: null,
    createdBy: by,
    createdAt: now,
    startedAt: now,
    finishedAt: null,
  }
  await deps.db.transaction((tx) => insertRun(tx, projectId, run))
  const x: ExecutionContext = {
    provider: deps.provider,
    ingest: deps.ingest,
    run: {
      id: run.id,
      datasetId: dataset.id,
      datasetName: dataset.name,
      datasetVersion: version,
      environment: body.environment,
    },
    config,
    evaluators: body.evaluators,
    assertions: body.assertions as Assertion[],
    repetitions: body.repeat,
    retry: {
      retries: body.retries,
      ...(hooks.signal && { signal: hooks.signal }),
      ...(hooks.waitMs && { waitMs: hooks.waitMs }),
    },
    ...(body.judgeModel && { judgeModel: body.judgeModel }),
  }
  const finished = execute(deps, projectId, run, x, items, body.concurrency, hooks)
  return { run, finished }
}

async function execute(
  deps: RunDeps,
  projectId: string,
  run: StoredRun,
  x: ExecutionContext,
  items: StoredDatasetItem[],
  concurrency: number,
  hooks: RunHooks,
): Promise<StoredRun> {
  const work = items.flatMap((item) => Array.from({ length: run.repetitions }, (_, r) => ({ item, r })))
  const results: StoredRunItem[] = []
  let reported = 0
  try {
    await pool(
      work,
      concurrency,
      async ({ item, r }) => {
        const result = await executeItem(x, item, r)
        results.push(result)
        await deps.db.transaction(async (tx) => {
          await insertRunItems(tx, projectId, run.id, [result])
          await updateRunState(tx, projectId, run.id, { status: 'running', done: results.length })
        })
        hooks.onProgress?.(++reported, work.length, result)
      },
      hooks.signal,
    )
    const status = hooks.signal?.aborted ? 'cancelled' : 'completed'
    const summary = summarizeRun(results) as unknown as Record<string, unknown>
    await deps.db.transaction((tx) =>
      updateRunState(tx, projectId, run.id, {
        status,
        done: results.length,
        summary,
        finishedAt: Date.now(),
      }),
    )
  } catch (err) {
    await deps.db.transaction((tx) =>
      updateRunState(tx, projectId, run.id, {
        status: 'failed',
        done: results.length,
        summary: summarizeRun(results) as unknown as Record<string, unknown>,
        error: (err as Error)?.message ?? String(err),
        finishedAt: Date.now(),
      }),
    )
  }
  return (await getRun(deps.db, projectId, run.id))!
}
