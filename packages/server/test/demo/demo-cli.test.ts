import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { listProjects, openStore } from '../../src/store/index.js'
import { tempDir } from '../support/engines.js'

const run = promisify(execFile)
const CLI = join(import.meta.dirname, '../../src/cli/main.ts')

describe('chatlens demo', () => {
  it('fills a fresh store with back-dated, evaluated conversations and exits when asked', async () => {
    const dir = tempDir()
    try {
      const { stdout } = await run(
        process.execPath,
        [
          '--import',
          'tsx',
          CLI,
          'demo',
          '--data-dir',
          dir.path,
          '--port',
          '0',
          '--conversations',
          '12',
          '--users',
          '5',
          '--days',
          '3',
          '--exit',
        ],
        {
          timeout: 60_000,
          env: { ...process.env, CHATLENS_LLM_BASE_URL: '', CHATLENS_LLM_API_KEY: '', OPENAI_API_KEY: '' },
        },
      )
      expect(stdout).toMatch(/admin key {2}cl_/)
      expect(stdout).toMatch(/simulated/)
      expect(stdout).toMatch(/done in .* in 12 conversations/)
      const db = await openStore(join(dir.path, 'chatlens.db'))
      try {
        const [project] = await listProjects(db)
        const q = async (sql: string) => Number((await db.get<{ n: number }>(sql, [project!.id]))!.n)
        expect(await q('SELECT COUNT(*) AS n FROM sessions WHERE project_id = ?')).toBe(12)
        expect(
          await q('SELECT COUNT(DISTINCT user_id) AS n FROM traces WHERE project_id = ?'),
        ).toBeGreaterThan(1)
        const oldest = await q('SELECT MIN(timestamp) AS n FROM traces WHERE project_id = ?')
        expect(Date.now() - oldest).toBeGreaterThan(86_400_000)
        expect(
          await q('SELECT COUNT(*) AS n FROM sessions WHERE project_id = ? AND satisfaction IS NOT NULL'),
        ).toBe(12)
        // Evaluation ran before the server stopped: every turn has its heuristic quality score.
        const turns = await q('SELECT COUNT(*) AS n FROM traces WHERE project_id = ?')
        const scored = await q(
          "SELECT COUNT(DISTINCT trace_id) AS n FROM scores WHERE project_id = ? AND name = 'quality'",
        )
        expect(scored).toBe(turns)
      } finally {
        await db.close()
      }
    } finally {
      dir.dispose()
    }
  })
})
