import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inSample } from '../../src/eval/index.js'
import { ENGINES } from '../support/engines.js'
import { ev } from '../support/events.js'
import { startTestServer, type TestServer } from '../support/server.js'
import { waitFor } from '../support/wait.js'

const turn = (id: string, extra: Record<string, unknown> = {}) =>
  ev('trace-create', {
    id,
    input: [{ role: 'user', content: 'How long does a refund take after you receive my return?' }],
    output: 'Refunds are issued within 5 business days after we receive your return, to the original card.',
    ...extra,
  })

describe.each(ENGINES)('evaluation queue on $name (heuristics)', (engine) => {
  let s: TestServer
  beforeAll(async () => {
    s = await startTestServer(engine)
  })
  afterAll(() => s?.close())

  const ingest = (batch: unknown[]) => s.call('POST', '/api/v1/ingest', { batch })
  const scoresOf = async (traceId: string) => (await s.call('GET', `/api/v1/traces/${traceId}`)).body.scores
  const jobsOf = async (traceId: string) =>
    (await s.call('GET', `/api/v1/evaluations/jobs?traceId=${traceId}`)).body.data

  it('gives every finished turn heuristic scores within seconds', async () => {
    await ingest([turn('h1'), turn('h2', { output: 'You are an idiot, figure it out yourself.' })])
    const scores = await waitFor('heuristic scores', async () => {
      const list = await scoresOf('h1')
      return list.some((x: { name: string }) => x.name === 'quality') && list
    })
    const names = scores.map((x: { name: string }) => x.name)
    for (const name of [
      'relevance',
      'coherence',
      'toxicity',
      'sentiment',
      'pii_leak',
      'quality',
      'quality_level',
    ]) {
      expect(names).toContain(name)
    }
    for (const score of scores) {
      expect(score).toMatchObject({ source: 'heuristic', traceId: 'h1' })
      expect(score.comment.length).toBeGreaterThan(0)
      expect(score.evaluator).toBeTruthy()
    }
    const rude = await waitFor('scores of h2', async () => {
      const list = await scoresOf('h2')
      return list.length > 0 && list
    })
    const toxicity = (list: { name: string; value: number }[]) =>
      list.find((x) => x.name === 'toxicity')!.value
    expect(toxicity(rude)).toBeGreaterThan(toxicity(scores))
    const [job] = await jobsOf('h1')
    expect(job).toMatchObject({ evaluator: 'heuristics', status: 'done', attempts: 1, reason: 'sampled' })
  })

  it('stores no score where an evaluator could not judge, instead of a placeholder', async () => {
    await ingest([
      ev('trace-create', { id: 'hello', input: 'Hi!', output: 'Hello! How can I help you today?' }),
    ])
    await waitFor('the greeting evaluated', async () => (await jobsOf('hello'))[0]?.status === 'done')
    const scores = await scoresOf('hello')
    expect(scores.find((x: { name: string }) => x.name === 'relevance')).toBeUndefined()
    expect(
      scores.every(
        (x: { value: number | null; stringValue: string | null }) =>
          x.value !== null || x.stringValue !== null,
      ),
    ).toBe(true)
    expect((await jobsOf('hello'))[0].scores).toBe(scores.length)
  })

  it('waits for the output, and skips a turn its caller switched off', async () => {
    await ingest([ev('trace-create', { id: 'no-output', input: 'hi' }), turn('off', { evaluate: false })])
    await ingest([turn('later')])
    await waitFor('the later turn', async () => (await jobsOf('later'))[0]?.status === 'done')
    expect(await jobsOf('no-output')).toEqual([])
    expect(await jobsOf('off')).toEqual([])
    await ingest([ev('trace-update', { id: 'no-output', output: 'Hello! How can I help?' })])
    await waitFor(
      'evaluation once the output arrived',
      async () => (await jobsOf('no-output'))[0]?.status === 'done',
    )
  })

  it('samples by trace id: the same turns every time, and forced turns always', async () => {
    await s.call('PUT', '/api/v1/project/settings', { evaluation: { heuristics: { sampleRate: 0.3 } } })
    const ids = Array.from({ length: 40 }, (_, i) => `sampled-${i}`)
    await ingest([...ids.map((id) => turn(id)), turn('forced', { evaluate: true })])
    await waitFor('the forced turn', async () => (await jobsOf('forced'))[0]?.status === 'done')
    const queued = []
    for (const id of ids) if ((await jobsOf(id)).length) queued.push(id)
    expect(queued).toEqual(ids.filter((id) => inSample('heuristics', id, 0.3)))
    expect(queued.length).toBeGreaterThan(3)
    expect(queued.length).toBeLessThan(25)
    await s.call('PUT', '/api/v1/project/settings', { evaluation: { heuristics: { sampleRate: 1 } } })
  })

  it('re-evaluates a trace on demand and replaces its scores', async () => {
    const before = await scoresOf('h1')
    const res = await s.call('POST', '/api/v1/evaluations/run', {
      traceIds: ['h1', 'nope'],
      tasks: ['heuristics'],
    })
    expect(res.status).toBe(202)
    expect(res.body).toMatchObject({ traces: 1, jobs: 1, tasks: ['heuristics'] })
    await waitFor('the second job', async () => {
      const jobs = await jobsOf('h1')
      return jobs.length === 2 && jobs.every((j: { status: string }) => j.status === 'done')
    })
    const after = await scoresOf('h1')
    expect(after.length).toBe(before.length)
    const status = await s.call('GET', '/api/v1/evaluations/status')
    expect(status.body.jobs.done).toBeGreaterThan(0)
    expect(status.body.judge).toMatchObject({ provider: 'simulated', simulated: true, mode: 'auto' })
  })

  it('evaluates spans of the kinds the settings name, attaching scores to the span', async () => {
    await s.call('PUT', '/api/v1/project/settings', { evaluation: { spanKinds: ['generation'] } })
    await ingest([
      ev('span-create', {
        id: 'gen-1',
        traceId: 'with-span',
        kind: 'generation',
        input: [{ role: 'user', content: 'Can I change my delivery address?' }],
        output: {
          role: 'assistant',
          content: 'Yes, you can change the delivery address until the order ships.',
        },
      }),
      ev('span-create', { id: 'tool-1', traceId: 'with-span', kind: 'tool', output: 'ok' }),
    ])
    await waitFor('the span evaluation', async () =>
      (await jobsOf('with-span')).some(
        (j: { spanId: string; status: string }) => j.spanId === 'gen-1' && j.status === 'done',
      ),
    )
    const jobs = await jobsOf('with-span')
    expect(jobs.map((j: { spanId: string }) => j.spanId)).toEqual(['gen-1'])
    const scores = await scoresOf('with-span')
    expect(
      scores.filter((x: { spanId: string }) => x.spanId === 'gen-1').map((x: { name: string }) => x.name),
    ).toContain('relevance')
    await s.call('PUT', '/api/v1/project/settings', { evaluation: { spanKinds: [] } })
  })

  it('refuses a re-evaluation request without traces or filter, naming the field', async () => {
    const res = await s.call('POST', '/api/v1/evaluations/run', { tasks: ['heuristics'] })
    expect(res.status).toBe(400)
    expect(res.body.error.field).toBe('traceIds')
    const bad = await s.call('POST', '/api/v1/evaluations/run', { traceIds: ['h1'], tasks: ['judge:vibes'] })
    expect(bad.body.error.field).toBe('tasks.0')
  })
})
