// The server under test, in its own process so the load generator does not share its core.
import { createApiKey } from '../../packages/server/src/projects/index.js'
import { startServer } from '../../packages/server/src/server.js'

const server = await startServer({
  databaseUrl: process.argv[2]!,
  port: 0,
  background: process.env.BENCH_BACKGROUND !== '0',
})
const { secret } = await createApiKey(server.db, server.project.id, { scopes: ['ingest', 'read'] })
process.stdout.write(`${JSON.stringify({ url: server.url, key: secret })}\n`)
process.on('SIGTERM', () => server.close().then(() => process.exit(0)))
