import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import {
  changeItems,
  createDataset,
  DatasetCreateBody,
  datasetItems,
  FromTracesBody,
  ImportBody,
  ItemsBody,
  itemsFromTraces,
  parseItemsFile,
  RemoveItemsBody,
  RunBody,
  requireDataset,
  startRun,
} from '../../datasets/index.js'
import { deleteDataset, listDatasets, listDatasetVersions, listRuns } from '../../store/index.js'
import type { AppDeps } from '../app.js'
import { RunningRuns, runDeps, runRoutes } from './dataset-runs.js'
import { service } from './prompts.js'

const DatasetParams = z.object({ dataset: z.string().min(1).max(200) })
const VersionQuery = z.object({ version: z.coerce.number().int().min(1).optional() })
const StartRunBody = RunBody.extend({
  /** Answer when the run has finished instead of at once (202). */
  wait: z.boolean().default(false),
})

/** Datasets, their items and versions, and starting runs over them. See docs/datasets.md. */
export async function datasetRoutes(app: FastifyInstance, deps: AppDeps) {
  const read = { config: { scope: 'read' as const } }
  const admin = { config: { scope: 'admin' as const } }
  const by = (request: FastifyRequest) => request.auth.keyId
  const ref = (request: FastifyRequest) => DatasetParams.parse(request.params).dataset
  const running = RunningRuns.of(app)

  app.get('/api/v1/datasets', read, async (request) => ({
    data: await listDatasets(deps.db, request.auth.projectId),
  }))

  app.post('/api/v1/datasets', admin, async (request, reply) => {
    const body = DatasetCreateBody.parse(request.body)
    const dataset = await service(() => createDataset(deps.db, request.auth.projectId, body, by(request)))
    return reply.status(201).send(dataset)
  })

  app.get('/api/v1/datasets/:dataset', read, async (request) =>
    service(async () => {
      const dataset = await requireDataset(deps.db, request.auth.projectId, ref(request))
      return { ...dataset, versions: await listDatasetVersions(deps.db, request.auth.projectId, dataset.id) }
    }),
  )

  app.delete('/api/v1/datasets/:dataset', admin, async (request, reply) => {
    const dataset = await service(() => requireDataset(deps.db, request.auth.projectId, ref(request)))
    await deps.db.transaction((tx) => deleteDataset(tx, request.auth.projectId, dataset.id))
    return reply.status(204).send()
  })

  app.get('/api/v1/datasets/:dataset/items', read, async (request) => {
    const { version } = VersionQuery.parse(request.query)
    return service(async () => {
      const dataset = await requireDataset(deps.db, request.auth.projectId, ref(request))
      const v = version ?? dataset.latestVersion
      return { version: v, data: await datasetItems(deps.db, request.auth.projectId, dataset, v) }
    })
  })

  /** Adds items (an existing id replaces that item) as a new version. */
  app.post('/api/v1/datasets/:dataset/items', admin, async (request, reply) => {
    const { items, note } = ItemsBody.parse(request.body)
    const r = await service(() =>
      changeItems(deps.db, request.auth.projectId, ref(request), { upsert: items, note }, by(request)),
    )
    return reply.status(201).send(r)
  })

  app.post('/api/v1/datasets/:dataset/items/remove', admin, async (request) => {
    const { ids, note } = RemoveItemsBody.parse(request.body)
    return service(() =>
      changeItems(deps.db, request.auth.projectId, ref(request), { remove: ids, note }, by(request)),
    )
  })

  /** A JSONL or CSV file's content, added as a new version. */
  app.post('/api/v1/datasets/:dataset/import', admin, async (request, reply) => {
    const { format, content, note } = ImportBody.parse(request.body)
    const r = await service(async () => {
      const items = parseItemsFile(format, content)
      return changeItems(
        deps.db,
        request.auth.projectId,
        ref(request),
        { upsert: items, note: note ?? `imported ${format}` },
        by(request),
      )
    })
    return reply.status(201).send(r)
  })

  /** Recorded traces (by id or filter) as items: query, conversation, response or correction, context. */
  app.post('/api/v1/datasets/:dataset/from-traces', admin, async (request, reply) => {
    const body = FromTracesBody.parse(request.body)
    const r = await service(async () => {
      await requireDataset(deps.db, request.auth.projectId, ref(request))
      const { items, skipped } = await itemsFromTraces(deps.db, request.auth.projectId, body)
      if (items.length === 0) return { version: null, added: 0, replaced: 0, removed: 0, skipped }
      const note = body.note ?? `${items.length} items from traces`
      const change = await changeItems(
        deps.db,
        request.auth.projectId,
        ref(request),
        { upsert: items, note },
        by(request),
      )
      return { ...change, skipped }
    })
    return reply.status(201).send(r)
  })

  app.get('/api/v1/datasets/:dataset/runs', read, async (request) =>
    service(async () => {
      const dataset = await requireDataset(deps.db, request.auth.projectId, ref(request))
      return { data: await listRuns(deps.db, request.auth.projectId, { datasetId: dataset.id }) }
    }),
  )

  /** Starts a run; answers 202 with it at once, or 200 with the finished run when `wait` is true. */
  app.post('/api/v1/datasets/:dataset/runs', admin, async (request, reply) => {
    const { wait, ...body } = StartRunBody.parse(request.body ?? {})
    const projectId = request.auth.projectId
    const control = running.control()
    const started = await service(async () =>
      startRun(await runDeps(deps, projectId), projectId, ref(request), body, by(request), {
        signal: control.signal,
      }),
    )
    const finished = control.track(started.run.id, started.finished, request.log)
    if (!wait) return reply.status(202).send(started.run)
    return reply.status(200).send(await finished)
  })

  await runRoutes(app, deps)
}
