import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { ingestBatch, noHooks } from '../../src/ingest/index.js'
import { createPricer } from '../../src/ingest/pricer.js'
import { ensureDefaultProject } from '../../src/projects/index.js'
import { listScoresFor, openStore } from '../../src/store/index.js'
import { tempDir } from '../support/engines.js'
import { ev } from '../support/events.js'

const run = promisify(execFile)
const CLI = join(import.meta.dirname, '../../src/cli/main.ts')

describe('chatlens evaluate', () => {
  it('re-evaluates a trace on demand and waits for the scores, with no server running', async () => {
    const dir = tempDir()
    try {
      const file = join(dir.path, 'chatlens.db')
      const db = await openStore(file)
      const { project } = await ensureDefaultProject(db)
      await ingestBatch(db, { projectId: project.id, pricer: createPricer(), hooks: noHooks() }, [
        ev('trace-create', {
          id: 'cli-1',
          input: 'How do I reset my password?',
          output: 'Use the "Forgot password" link on the sign-in page.',
        }),
      ])
      await db.close()
      const cli = (...args: string[]) =>
        run(process.execPath, ['--import', 'tsx', CLI, 'evaluate', ...args, '--data-dir', dir.path])
      const { stdout } = await cli('run', '--trace', 'cli-1', '--tasks', 'heuristics', '--wait')
      expect(stdout).toMatch(/queued 1 evaluations of 1 traces \(heuristics\)/)
      const status = await cli('status')
      expect(status.stdout).toMatch(/1 done {2}0 pending/)
      await expect(cli('run', '--tasks', 'judge:vibes', '--bot', 'x')).rejects.toMatchObject({
        stderr: expect.stringContaining('--tasks: expected heuristics'),
      })
      const again = await openStore(file)
      const scores = await listScoresFor(again, project.id, { traceId: 'cli-1' })
      expect(scores.map((x) => x.name)).toContain('quality')
      await again.close()
    } finally {
      dir.dispose()
    }
  })
})
