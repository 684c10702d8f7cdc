import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureDefaultProject } from '../../src/projects/index.js'
import { listRecommendations, openStore } from '../../src/store/index.js'
import { tempDir } from '../support/engines.js'
import { seedLowQualityBilling } from './traffic.js'

const run = promisify(execFile)
const CLI = join(import.meta.dirname, '../../src/cli/main.ts')

describe('chatlens optimize', () => {
  const dir = tempDir()
  const chatlens = async (...args: string[]) => {
    const env = { ...process.env, CHATLENS_LLM_PROVIDER: 'simulated', NO_COLOR: '1' }
    return run(process.execPath, ['--import', 'tsx', CLI, ...args, '--data-dir', dir.path], {
      env,
      timeout: 60_000,
    })
  }
  beforeAll(async () => {
    const db = await openStore(join(dir.path, 'chatlens.db'))
    try {
      const { project } = await ensureDefaultProject(db)
      await seedLowQualityBilling(db, project.id, { turns: 30, quality: 0.5 })
    } finally {
      await db.close()
    }
  })
  afterAll(() => dir.dispose())

  it('recommends, applies, logs and reverts from the command line', async () => {
    const first = await chatlens('optimize', '--window', '24h')
    expect(first.stdout).toContain('recommendations from 30 interactions')
    expect(first.stdout).toContain('Tune the prompt for billing questions')
    expect(first.stdout).toContain('billing answers: mean quality 0.50')
    expect(first.stdout).toContain('none running from applied recommendations')
    const db = await openStore(join(dir.path, 'chatlens.db'))
    const { project } = await ensureDefaultProject(db)
    const [rec] = await listRecommendations(db, project.id, { status: 'open' })
    await db.close()
    const applied = await chatlens('optimize', 'apply', rec!.id)
    expect(applied.stdout).toMatch(
      /applied support v2; experiment opt-low-quality-category-\w+ is running against production/,
    )
    const again = await chatlens('optimize', '--window', '24h', '--dry-run')
    expect(again.stdout).toMatch(/waiting {2}opt-low-quality-category-\w+: the experiment says keep running/)
    const log = await chatlens('optimize', 'log')
    const id = /\s(\S+)\n$/.exec(log.stdout)![1]!
    expect(log.stdout).toMatch(/apply {3}hand {2}support v2 \(Tune the prompt for billing questions\)/)
    const reverted = await chatlens('optimize', 'revert', id)
    expect(reverted.stdout).toMatch(
      /reverted reverted: support v2 .*; experiment opt-low-quality-category-\w+ stopped/,
    )
  })
})
