import type { Command } from 'commander'
import { z } from 'zod'
import type { ServerFlags } from '../config.js'
import { Scope } from '../model/index.js'
import { createApiKey } from '../projects/index.js'
import { listApiKeys, revokeApiKey } from '../store/index.js'
import { bold, dim, fail, yellow } from './output.js'
import { serverOptions } from './serve.js'
import { withStore } from './with-store.js'

const date = (ms: number | null) => (ms ? new Date(ms).toISOString().replace('T', ' ').slice(0, 19) : '–')

export function registerKeys(program: Command) {
  const keys = program.command('keys').description('create, list and revoke API keys of the project')

  serverOptions(keys.command('create'))
    .description('create a key and print its secret (shown once)')
    .option('-n, --name <name>', 'a name to recognise the key by', 'key')
    .option('-s, --scopes <scopes>', 'comma-separated: ingest, read, admin', 'ingest,read')
    .action(async (flags: ServerFlags & { name: string; scopes: string }) => {
      const scopes = z
        .array(Scope)
        .min(1)
        .safeParse(flags.scopes.split(',').map((s) => s.trim()))
      if (!scopes.success) fail(`--scopes: "${flags.scopes}" is not a list of ingest, read, admin`)
      const { key, secret } = await withStore(flags, (db, projectId) =>
        createApiKey(db, projectId, { name: flags.name, scopes: scopes.data }),
      )
      process.stdout.write(`${bold('created')} ${key.name} (${key.scopes.join(', ')})\n${yellow(secret)}\n`)
      process.stdout.write(dim('the secret is shown only now; chatlens stores a hash of it\n'))
    })

  serverOptions(keys.command('list'))
    .description('list keys (never their secrets)')
    .action(async (flags: ServerFlags) => {
      const list = await withStore(flags, (db, projectId) => listApiKeys(db, projectId))
      const rows = list.map((k) => [
        k.id,
        k.name,
        `${k.prefix}…`,
        k.scopes.join(','),
        date(k.lastUsedAt),
        k.revokedAt ? 'revoked' : 'active',
      ])
      const header = ['id', 'name', 'prefix', 'scopes', 'last used', 'status']
      const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)))
      for (const r of [header, ...rows])
        process.stdout.write(`${r.map((c, i) => String(c).padEnd(widths[i]!)).join('  ')}\n`)
    })

  serverOptions(keys.command('revoke <id>'))
    .description('revoke a key by id (see keys list)')
    .action(async (id: string, flags: ServerFlags) => {
      const done = await withStore(flags, (db, projectId) => revokeApiKey(db, projectId, id, Date.now()))
      if (!done) fail(`no active key with id ${id}`, 'see `chatlens keys list`')
      process.stdout.write(`revoked ${id}\n`)
    })
}
