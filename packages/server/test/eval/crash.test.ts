import type { ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { type FakeOpenAI, startFakeOpenAI } from '../../src/llm/testing/openai-server.js'
import { openStore } from '../../src/store/index.js'
import { tempDir } from '../support/engines.js'
import { ev } from '../support/events.js'
import { spawnServer } from '../support/spawn-server.js'
import { waitFor } from '../support/wait.js'

const RUBRIC = JSON.stringify({
  relevance: 0.9, relevance_reason: 'on topic', correctness: 0.8, correctness_reason: 'plausible',
  helpfulness: 0.8, helpfulness_reason: 'actionable', clarity: 0.9, clarity_reason: 'clear',
  toxicity: 0, toxicity_reason: 'polite',
}) // biome-ignore format: one answer

/** The judge of the spawned server talks to `llmUrl`; a lease runs out fast after a crash. */
const judgeEnv = (llmUrl: string) => ({
  CHATLENS_LLM_BASE_URL: llmUrl,
  CHATLENS_LLM_API_KEY: 'test',
  CHATLENS_LLM_MODEL: 'gpt-4o-mini',
  CHATLENS_EVAL_LEASE_MS: '1500',
  CHATLENS_LLM_TIMEOUT_MS: '60000',
})

describe('evaluation jobs and a crash', () => {
  const dir = tempDir()
  let fake: FakeOpenAI | undefined
  const children: ChildProcess[] = []
  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL')
    await fake?.close()
    dir.dispose()
  })

  it('loses no evaluation job when the server is killed mid-queue', async () => {
    let judgeHangs = true
    fake = await startFakeOpenAI({
      behaviour: () => (judgeHangs ? 'timeout' : 'ok'),
      reply: (req) =>
        JSON.stringify(req.response_format ?? '').includes('category')
          ? JSON.stringify({ category: 'support', reason: 'orders' })
          : RUBRIC,
    })
    const file = join(dir.path, 'chatlens.db')
    const first = await spawnServer(file, judgeEnv(fake.url))
    children.push(first.child)
    await first.call('PUT', '/api/v1/project/settings', {
      evaluation: { judge: { mode: 'on', sampleRate: 1, evaluators: ['rubric', 'category'] } },
    })
    const ids = Array.from({ length: 12 }, (_, i) => `crash-${i}`)
    await first.call('POST', '/api/v1/ingest', {
      batch: ids.map((id) =>
        ev('trace-create', { id, input: 'Where is my order?', output: 'It ships tomorrow.' }),
      ),
    })
    // Heuristics finish; judge calls hang at the endpoint, so judge jobs are running when we kill.
    await waitFor(
      'judge jobs in flight',
      async () => (await first.call('GET', '/api/v1/evaluations/status')).jobs.running > 0,
    )
    first.child.kill('SIGKILL')
    await new Promise((r) => first.child.once('exit', r))

    const db = await openStore(file)
    const left = await db.all<{ status: string; n: number }>(
      'SELECT status, COUNT(*) AS n FROM eval_jobs GROUP BY status',
    )
    const total = left.reduce((n, r) => n + Number(r.n), 0)
    expect(total).toBe(ids.length * 3)
    expect(left.find((r) => r.status === 'running')?.n).toBeGreaterThan(0)
    await db.close()

    judgeHangs = false
    const second = await spawnServer(file, judgeEnv(fake.url))
    children.push(second.child)
    const status = await waitFor(
      'every job done after the restart',
      async () => {
        const s = await second.call('GET', '/api/v1/evaluations/status')
        return s.jobs.done === ids.length * 3 && s
      },
      30_000,
    )
    expect(status.jobs).toMatchObject({ pending: 0, running: 0, failed: 0 })
    for (const id of ids) {
      const { scores } = await second.call('GET', `/api/v1/traces/${id}`)
      const names = scores.map((x: { name: string }) => x.name)
      expect(names).toContain('quality')
      expect(names).toContain('judge_overall')
      expect(names).toContain('category')
    }
    second.child.kill('SIGTERM')
  })
})
