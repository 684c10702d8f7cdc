import type { FastifyInstance } from 'fastify'
import { type BackgroundTask, createBackgroundTasks } from './background.js'
import { buildApp } from './http/app.js'
import { Authenticator } from './http/auth.js'
import { type IngestHooks, noHooks, PreparePool } from './ingest/index.js'
import { createProvider, type Provider } from './llm/index.js'
import type { Project } from './model/index.js'
import { type CreatedKey, ensureDefaultProject, ProjectPricers } from './projects/index.js'
import { type Db, openStore } from './store/index.js'
import { VERSION } from './version.js'

export type ServerOptions = {
  databaseUrl?: string
  /** An already opened store (tests); otherwise `databaseUrl` is opened. */
  db?: Db
  host?: string
  /** 0 picks a free port. */
  port?: number
  logger?: boolean | object
  /** The LLM for the judge and the playground; from CHATLENS_LLM_* by default. */
  provider?: Provider
  /** Worker threads that parse ingest bodies (default: one per spare core; 0 parses inline). */
  ingestWorkers?: number
  /** Start background tasks (default true). */
  background?: boolean
}

export type RunningServer = {
  app: FastifyInstance
  db: Db
  auth: Authenticator
  url: string
  project: Project
  /** The admin key created on first start (shown once), if this start created it. */
  createdKey?: CreatedKey
  hooks: IngestHooks
  tasks: BackgroundTask[]
  provider: Provider
  close(): Promise<void>
}

/** Opens the store, makes sure a project exists, and serves the HTTP API. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const db = options.db ?? (await openStore(options.databaseUrl ?? 'chatlens.db'))
  const { project, created } = await ensureDefaultProject(db)
  const auth = new Authenticator(db)
  const hooks = noHooks()
  const provider = options.provider ?? createProvider()
  const onSettingsChanged: ((projectId: string) => void)[] = []
  const tasks =
    options.background === false ? [] : createBackgroundTasks({ db, hooks, provider, onSettingsChanged })
  const ingestPool = new PreparePool(options.ingestWorkers)
  const app = await buildApp({
    db,
    auth,
    pricers: new ProjectPricers(db),
    hooks,
    ingestPool,
    provider,
    onSettingsChanged: (projectId) => {
      for (const f of onSettingsChanged) f(projectId)
    },
    version: VERSION,
    logger: options.logger,
  })
  const host = options.host ?? '127.0.0.1'
  await app.listen({ host, port: options.port ?? 0 })
  for (const task of tasks) task.start()
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  return {
    app,
    db,
    auth,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    project,
    createdKey: created,
    hooks,
    tasks,
    provider,
    close: async () => {
      await app.close()
      await ingestPool.close()
      for (const task of tasks) await task.stop()
      // A store handed in (tests) belongs to whoever opened it.
      if (!options.db) await db.close()
    },
  }
}
