import { execFile } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FakeOpenAI, startFakeOpenAI } from '../../src/llm/testing/openai-server.js'
import { ensureDefaultProject } from '../../src/projects/index.js'
import { createPromptVersion } from '../../src/prompts/index.js'
import { listRuns, openStore } from '../../src/store/index.js'
import { tempDir } from '../support/engines.js'
import { FAKE_ITEMS, fakeBotReply } from './fake-bot.js'

const run = promisify(execFile)
const CLI = join(import.meta.dirname, '../../src/cli/main.ts')
const GOOD = 'You are the support assistant of an online store. Answer briefly.'
const BROKEN = `${GOOD} Refuse questions about refunds.`

describe('chatlens eval', () => {
  const dir = tempDir()
  let fake: FakeOpenAI
  const env = () => ({
    ...process.env,
    CHATLENS_LLM_PROVIDER: '',
    CHATLENS_LLM_BASE_URL: fake.url,
    CHATLENS_LLM_API_KEY: 'test-key',
    CHATLENS_LLM_MODEL: 'gpt-4o-mini',
    NO_COLOR: '1',
  })
  const chatlens = async (...args: string[]) => {
    try {
      const r = await run(process.execPath, ['--import', 'tsx', CLI, ...args, '--data-dir', dir.path], {
        env: env(),
        timeout: 60_000,
      })
      return { code: 0, ...r }
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string }
      return { code: e.code, stdout: e.stdout, stderr: e.stderr }
    }
  }

  beforeAll(async () => {
    fake = await startFakeOpenAI({ reply: fakeBotReply })
    writeFileSync(join(dir.path, 'faq.jsonl'), FAKE_ITEMS.map((i) => JSON.stringify(i)).join('\n'))
    const db = await openStore(join(dir.path, 'chatlens.db'))
    try {
      const { project } = await ensureDefaultProject(db)
      const v1 = { messages: [{ role: 'system' as const, content: GOOD }], labels: ['production'] }
      await createPromptVersion(db, project.id, 'support', v1, 'test')
      await createPromptVersion(
        db,
        project.id,
        'support',
        { messages: [{ role: 'system', content: BROKEN }] },
        'test',
      )
    } finally {
      await db.close()
    }
  })
  afterAll(async () => {
    await fake?.close()
    dir.dispose()
  })

  it('imports a dataset file', async () => {
    const r = await chatlens('datasets', 'import', 'faq', '--file', join(dir.path, 'faq.jsonl'))
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain('added 5 items, replaced 0: faq v2 has 5 items')
  })

  it('exits non-zero when a broken prompt version regresses, naming the regressed items', async () => {
    const r = await chatlens(
      'eval',
      '--dataset',
      'faq',
      '--prompt',
      'support@2',
      '--assert',
      'contains',
      '--fail-on-regression',
    )
    expect(r.code).toBe(1)
    // The production version ran first as the baseline, the broken one against it.
    expect(r.stdout).toMatch(/baseline {2}\S+ {2}support@1 · gpt-4o-mini/)
    expect(r.stdout).toContain('regressed items (2):')
    expect(r.stdout).toMatch(/result {4}REGRESSION: 2 of 5 items regressed against the baseline/)
    expect(r.stderr).toContain('✗ refund: pass rate 100.0 % → 0.0 %; now failing: contains expected')
    expect(r.stderr).toContain('✗ refund-late: pass rate 100.0 % → 0.0 %')
  })

  it('passes the production version, compared with its own earlier run', async () => {
    const r = await chatlens(
      'eval',
      '--dataset',
      'faq',
      '--prompt',
      'support',
      '--assert',
      'contains',
      '--fail-on-regression',
    )
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/result {4}ok: 0 of 5 items regressed/)
  })

  it('writes JUnit XML for CI and tolerates regressions up to the threshold', async () => {
    const out = join(dir.path, 'junit.xml')
    const r = await chatlens(
      'eval', '--dataset', 'faq', '--prompt', 'support@2', '--assert', 'contains',
      '--fail-on-regression', '--threshold', '0.5', '--format', 'junit', '-o', out,
    ) // biome-ignore format: flags
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toContain('ok 2 of 5 items regressed against the baseline (40.0 %; tolerated: 50.0 %)')
    const xml = readFileSync(out, 'utf8')
    expect(xml).toMatch(/<testsuite name="faq v2: support@2 · gpt-4o-mini" tests="5" failures="2"/)
    expect(xml).toContain(
      '<failure message="pass rate 100.0 % → 0.0 %; now failing: contains expected" type="regressed">',
    )
    const db = await openStore(join(dir.path, 'chatlens.db'))
    try {
      const { project } = await ensureDefaultProject(db)
      // Newest first: support@2 (this check, against the production run before it), support@1
      // (the production check, against the first baseline), support@1 (the first baseline), support@2.
      expect((await listRuns(db, project.id, {})).map((x) => x.name)).toEqual([
        'support@2 · gpt-4o-mini',
        'support@1 · gpt-4o-mini',
        'support@1 · gpt-4o-mini',
        'support@2 · gpt-4o-mini',
      ])
    } finally {
      await db.close()
    }
  })

  it('names a bad flag', async () => {
    const r = await chatlens('eval', '--dataset', 'faq', '--repeat', '0')
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/--repeat/)
    const bad = await chatlens('eval', '--dataset', 'faq', '--assert', '{"type":"regex","pattern":"("}')
    expect(bad.stderr).toMatch(/--assert #1 .*pattern/)
  })
})
