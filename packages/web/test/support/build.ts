import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const WEB_DIR = fileURLToPath(new URL('../../', import.meta.url))
export const PUBLIC_DIR = fileURLToPath(new URL('../../../server/public/', import.meta.url))
const LOCK_DIR = join(tmpdir(), 'chatlens-web-build.lock')
const LOCK_STALE_MS = 120_000
const LOCK_POLL_MS = 200

function newestMtime(path: string): number {
  const st = statSync(path)
  if (!st.isDirectory()) return st.mtimeMs
  return Math.max(st.mtimeMs, ...readdirSync(path).map((n) => newestMtime(join(path, n))))
}

function isFresh(): boolean {
  let built: number
  try {
    built = statSync(join(PUBLIC_DIR, 'index.html')).mtimeMs
  } catch {
    return false
  }
  const sources = ['index.html', 'vite.config.ts', 'src'].map((p) => newestMtime(join(WEB_DIR, p)))
  return Math.max(...sources) < built
}

async function lock(): Promise<() => void> {
  for (;;) {
    try {
      mkdirSync(LOCK_DIR)
      return () => rmSync(LOCK_DIR, { recursive: true, force: true })
    } catch {
      try {
        if (Date.now() - statSync(LOCK_DIR).mtimeMs > LOCK_STALE_MS)
          rmSync(LOCK_DIR, { recursive: true, force: true })
      } catch {}
      await new Promise((r) => setTimeout(r, LOCK_POLL_MS))
    }
  }
}

/**
 * Builds the dashboard into packages/server/public unless the build is newer than every source
 * file. Test files run in parallel processes, so one builds while the others wait on a lock.
 */
export async function ensureWebBuilt(): Promise<void> {
  if (isFresh()) return
  const release = await lock()
  try {
    if (isFresh()) return
    const { build } = await import('vite')
    await build({ configFile: join(WEB_DIR, 'vite.config.ts'), logLevel: 'warn' })
  } finally {
    release()
  }
}
