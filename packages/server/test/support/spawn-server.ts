import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { createInterface } from 'node:readline'

/**
 * `chatlens` on a SQLite file in a process of its own (server-process.ts), so a test can kill it
 * and start another on the same file. `env` adds to the environment; no LLM is configured unless
 * it says so.
 */
export async function spawnServer(file: string, env: Record<string, string> = {}) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'server-process.ts'), file],
    {
      env: {
        ...process.env,
        CHATLENS_LLM_BASE_URL: '',
        CHATLENS_LLM_API_KEY: '',
        OPENAI_API_KEY: '',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  const line = await createInterface({ input: child.stdout! })[Symbol.asyncIterator]().next()
  const { url, key } = JSON.parse(line.value as string) as { url: string; key: string }
  /** JSON in, JSON out, with the server's admin key. */
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(url + path, {
      method,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return (await res.json()) as any
  }
  /** Kills the process (as a crash would) and waits for it to exit. */
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve())
      child.kill('SIGKILL')
    })
  return { child, url, key, call, stop }
}
