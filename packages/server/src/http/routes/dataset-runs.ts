import type { FastifyBaseLogger, FastifyInstance } from 'fastify'
import { z } from 'zod'
import {
  checkRegression,
  compareRuns,
  gateAgainstBaseline,
  RegressionBody,
  type RunDeps,
  reportJunit,
  reportText,
} from '../../datasets/index.js'
import { ingestBatch } from '../../ingest/index.js'
import { Id } from '../../model/index.js'
import { ServiceError } from '../../prompts/index.js'
import { getRun, listRunItems } from '../../store/index.js'
import type { AppDeps } from '../app.js'
import { AppError, notFound } from '../errors.js'
import { service } from './prompts.js'

/** Everything a run needs from the server: its store, its model and the ingestion path. */
export async function runDeps(deps: AppDeps, projectId: string): Promise<RunDeps> {
  const pricer = await deps.pricers.get(projectId)
  return {
    db: deps.db,
    provider: deps.provider,
    ingest: (events) => ingestBatch(deps.db, { projectId, pricer, hooks: deps.hooks }, events),
  }
}

const registry = new WeakMap<FastifyInstance, RunningRuns>()

/**
 * Runs this server is executing. A run can be cancelled; closing the server cancels them all and
 * waits for each to record how far it got, so none is left half-written.
 */
export class RunningRuns {
  private readonly closing = new AbortController()
  private readonly runs = new Map<string, { controller: AbortController; finished: Promise<unknown> }>()

  static of(app: FastifyInstance): RunningRuns {
    let r = registry.get(app)
    if (!r) {
      const created = new RunningRuns()
      app.addHook('onClose', async () => {
        created.closing.abort()
        await Promise.allSettled([...created.runs.values()].map((x) => x.finished))
      })
      registry.set(app, created)
      r = created
    }
    return r
  }

  control() {
    const controller = new AbortController()
    return {
      signal: AbortSignal.any([this.closing.signal, controller.signal]),
      track: <T>(id: string, finished: Promise<T>, log: FastifyBaseLogger): Promise<T> => {
        const done = finished.finally(() => this.runs.delete(id))
        // Refusals (a dataset that does not exist…) are the caller's answer, not a server failure.
        done.catch((err) => {
          if (!(err instanceof AppError) && !(err instanceof ServiceError))
            log.error({ err, runId: id }, 'dataset run failed')
        })
        this.runs.set(id, { controller, finished: done })
        return done
      },
    }
  }

  cancel(id: string): boolean {
    const run = this.runs.get(id)
    run?.controller.abort()
    return run !== undefined
  }
}

const IdParams = z.object({ id: Id })
const CompareQuery = z.object({
  baseline: Id,
  threshold: z.coerce.number().min(0).max(1).default(0),
  alpha: z.coerce.number().gt(0).lt(1).default(0.05),
})
const EvalQuery = z.object({ format: z.enum(['json', 'text', 'junit']).default('json') })

/** Runs: their state and items, comparison of two, cancelling, and the regression check. */
export async function runRoutes(app: FastifyInstance, deps: AppDeps) {
  const read = { config: { scope: 'read' as const } }
  const admin = { config: { scope: 'admin' as const } }
  const running = RunningRuns.of(app)
  const load = async (projectId: string, id: string) => {
    const run = await getRun(deps.db, projectId, id)
    if (!run) throw notFound('run', id)
    return run
  }

  app.get('/api/v1/runs/:id', read, async (request) =>
    load(request.auth.projectId, IdParams.parse(request.params).id),
  )

  app.get('/api/v1/runs/:id/items', read, async (request) => {
    const { id } = IdParams.parse(request.params)
    await load(request.auth.projectId, id)
    return { data: await listRunItems(deps.db, request.auth.projectId, id) }
  })

  /** This run against a baseline run, item by item, with paired tests per metric and the gate. */
  app.get('/api/v1/runs/:id/compare', read, async (request) => {
    const { id } = IdParams.parse(request.params)
    const q = CompareQuery.parse(request.query)
    const projectId = request.auth.projectId
    const [candidate, baseline] = await Promise.all([load(projectId, id), load(projectId, q.baseline)])
    const [candidateItems, baselineItems] = await Promise.all([
      listRunItems(deps.db, projectId, id),
      listRunItems(deps.db, projectId, q.baseline),
    ])
    const comparison = compareRuns(
      { run: baseline, items: baselineItems },
      { run: candidate, items: candidateItems },
      { alpha: q.alpha },
    )
    return { ...comparison, gate: gateAgainstBaseline(comparison, q.threshold) }
  })

  app.post('/api/v1/runs/:id/cancel', admin, async (request, reply) => {
    const { id } = IdParams.parse(request.params)
    const run = await load(request.auth.projectId, id)
    if (!running.cancel(id))
      throw new AppError(
        409,
        'not_running',
        `run ${id} is ${run.status === 'running' ? 'not running on this server' : run.status}`,
      )
    return reply.status(202).send({ id, cancelling: true })
  })

  /**
   * Runs a configuration over a dataset and compares it with a baseline (the production version
   * of its prompt by default): what `chatlens eval` does, for CI systems that speak HTTP.
   */
  app.post('/api/v1/datasets/:dataset/eval', admin, async (request, reply) => {
    const { dataset } = z.object({ dataset: z.string().min(1).max(200) }).parse(request.params)
    const { format } = EvalQuery.parse(request.query)
    const body = RegressionBody.parse(request.body ?? {})
    const projectId = request.auth.projectId
    const control = running.control()
    const checked = service(async () =>
      checkRegression(await runDeps(deps, projectId), projectId, dataset, body, request.auth.keyId, {
        signal: control.signal,
      }),
    )
    const report = await control.track(`eval:${request.id}`, checked, request.log)
    if (format === 'junit') return reply.type('application/xml').send(reportJunit(report))
    if (format === 'text') return reply.type('text/plain; charset=utf-8').send(reportText(report))
    return report
  })
}
