import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Sink, startSink } from './support/sink.js'

const SDK = resolve(import.meta.dirname, '../src/index.js')
const REPO = resolve(import.meta.dirname, '../../..')
/** A child still running after this long is killed and the test fails: it kept itself alive. */
const KILL_AFTER_MS = 15_000

const dir = mkdtempSync(join(tmpdir(), 'chatlens-sdk-exit-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let sink: Sink
beforeEach(async () => {
  sink = await startSink()
})
afterEach(async () => {
  await sink.close()
})

/** Runs a script that traces and never calls flush() or shutdown(). */
function runScript(baseUrl: string, extraOptions = '') {
  const file = join(dir, `script-${Math.random().toString(36).slice(2)}.mts`)
  writeFileSync(
    file,
    `import { Chatlens } from ${JSON.stringify(SDK)}
const cl = new Chatlens({ apiKey: 'k', baseUrl: ${JSON.stringify(baseUrl)} ${extraOptions} })
for (let i = 0; i < 3; i++) {
  await cl.trace('turn-' + i, async () => {
    await cl.span('step', async () => new Promise((r) => setTimeout(r, 5)))
    return 'done'
  })
}
console.log('script done')
`,
  )
  return new Promise<{ code: number | null; signal: string | null; stdout: string }>((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    child.stdout.on('data', (d) => {
      stdout += d
    })
    const killer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS)
    child.on('exit', (code, signal) => {
      clearTimeout(killer)
      done({ code, signal, stdout })
    })
  })
}

describe('process lifetime', () => {
  it('lets a script that never calls shutdown exit by itself, sending its events once on beforeExit', async () => {
    const result = await runScript(sink.url)
    expect(result).toMatchObject({ code: 0, signal: null })
    expect(result.stdout).toContain('script done')
    expect(sink.events().filter((e) => e.type === 'trace-create')).toHaveLength(3)
    expect(sink.events().filter((e) => e.type === 'span-create')).toHaveLength(3)
    expect(sink.requests).toHaveLength(1)
  })

  it('lets the script exit when the server cannot be reached', async () => {
    await sink.stop()
    const result = await runScript(sink.url)
    expect(result).toMatchObject({ code: 0, signal: null })
  })

  it('lets the script exit when the server never answers, after requestTimeoutMs', async () => {
    sink.respond(() => undefined)
    await sink.stop()
    const { createServer } = await import('node:http')
    const hanging = createServer(() => {})
    await new Promise<void>((r) => hanging.listen(sink.port, '127.0.0.1', r))
    try {
      const result = await runScript(sink.url, ', requestTimeoutMs: 300')
      expect(result).toMatchObject({ code: 0, signal: null })
    } finally {
      hanging.closeAllConnections()
      await new Promise<void>((r) => hanging.close(() => r()))
    }
  })
})
