import type { Command } from 'commander'
import { describeStore, resolveServerConfig, type ServerFlags } from '../config.js'
import { type RunningServer, startServer } from '../server.js'
import { VERSION } from '../version.js'
import { bold, cyan, dim, fail, yellow } from './output.js'

export const serverOptions = (cmd: Command) =>
  cmd
    .option('-p, --port <port>', 'port to listen on (env CHATLENS_PORT, default 4747)')
    .option('--host <host>', 'address to bind (env CHATLENS_HOST, default 127.0.0.1)')
    .option('-d, --data-dir <dir>', 'where data is kept (env CHATLENS_DATA_DIR, default ./.chatlens)')
    .option('--database-url <url>', 'postgres://… to use PostgreSQL (env CHATLENS_DATABASE_URL)')

/** Starts the server from flags and prints how to reach it, the first-start key and a dashboard link. */
export async function launch(flags: ServerFlags): Promise<{ server: RunningServer; dashboardUrl: string }> {
  const config = resolveServerConfig(flags)
  let server: RunningServer
  try {
    server = await startServer({
      databaseUrl: config.databaseUrl,
      host: config.host,
      port: config.port,
      logger: { level: 'warn' },
    })
  } catch (err) {
    const e = err as NodeJS.ErrnoException
    if (e.code === 'EADDRINUSE')
      fail(`port ${config.port} is in use`, 'pass --port <another port>, or stop the other server')
    throw err
  }
  const token = server.auth.mintLocalToken(server.project.id, ['admin'], 'dashboard')
  const dashboardUrl = `${server.url}/?token=${token}`
  const out = process.stdout
  out.write(`${bold('chatlens')} ${VERSION} listening on ${cyan(server.url)}\n`)
  out.write(`  store      ${describeStore(config.databaseUrl)}\n`)
  out.write(`  project    ${server.project.name}\n`)
  if (server.createdKey) {
    out.write(`  admin key  ${yellow(server.createdKey.secret)}\n`)
    out.write(
      `             ${dim('created on first start and shown only now: keep it (chatlens keys create makes more)')}\n`,
    )
  }
  out.write(`  dashboard  ${cyan(dashboardUrl)}\n`)
  out.write(`             ${dim('this link logs you in while this process runs')}\n`)
  return { server, dashboardUrl }
}

/** Stops cleanly on Ctrl-C or SIGTERM. */
export function closeOnSignals(close: () => Promise<void>) {
  let closing = false
  const stop = () => {
    if (closing) process.exit(1)
    closing = true
    process.stdout.write(dim('\nstopping…\n'))
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

export function registerServe(program: Command) {
  serverOptions(program.command('serve').description('run the chatlens server and dashboard')).action(
    async (flags: ServerFlags) => {
      const { server } = await launch(flags)
      closeOnSignals(() => server.close())
    },
  )
}
