import { join, resolve } from 'node:path'
import { z } from 'zod'

export const DEFAULT_PORT = 4747
export const DEFAULT_HOST = '127.0.0.1'
export const DEFAULT_DATA_DIR = '.chatlens'

/** Where the server keeps its data and listens; flags win over CHATLENS_* variables. */
export const ServerConfig = z.object({
  dataDir: z.string().min(1),
  databaseUrl: z.string().min(1).optional(),
  host: z.string().min(1),
  port: z.coerce.number().int().min(0).max(65535),
})
export type ServerConfig = z.infer<typeof ServerConfig> & { databaseUrl: string }

export type ServerFlags = { dataDir?: string; databaseUrl?: string; host?: string; port?: string | number }

export function resolveServerConfig(flags: ServerFlags, env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = ServerConfig.parse({
    dataDir: flags.dataDir ?? env.CHATLENS_DATA_DIR ?? DEFAULT_DATA_DIR,
    databaseUrl: flags.databaseUrl ?? env.CHATLENS_DATABASE_URL,
    host: flags.host ?? env.CHATLENS_HOST ?? DEFAULT_HOST,
    port: flags.port ?? env.CHATLENS_PORT ?? DEFAULT_PORT,
  })
  const dataDir = resolve(parsed.dataDir)
  return { ...parsed, dataDir, databaseUrl: parsed.databaseUrl ?? join(dataDir, 'chatlens.db') }
}

/** The store as a user would recognise it in a log line, without any password. */
export function describeStore(databaseUrl: string): string {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return `postgresql ${databaseUrl.replace(/\/\/[^@/]*@/, '//')}`
  return `sqlite ${resolve(databaseUrl.replace(/^sqlite:(\/\/)?/, ''))}`
}
