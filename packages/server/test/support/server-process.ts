// A chatlens server in its own process, for tests that kill it. Prints {"url","key"} once ready.
import { createApiKey } from '../../src/projects/index.js'
import { startServer } from '../../src/server.js'

const server = await startServer({ databaseUrl: process.argv[2]!, port: 0 })
const { secret } = await createApiKey(server.db, server.project.id, { scopes: ['admin'] })
process.stdout.write(`${JSON.stringify({ url: server.url, key: secret })}\n`)
