import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assignVariant } from '../../src/experiments/index.js'
import { ENGINES } from '../support/engines.js'
import { startTestServer, type TestServer } from '../support/server.js'

describe.each(ENGINES)('experiments on $name', (engine) => {
  let s: TestServer
  beforeAll(async () => {
    s = await startTestServer(engine)
    for (const content of ['You help customers. Be brief.', 'You help customers. Be warm and empathetic.'])
      await s.call('POST', '/api/v1/prompts', {
        name: 'support',
        messages: [{ role: 'system', content }],
        labels: ['staging'],
      })
  })
  afterAll(() => s?.close())

  const body = (key: string, extra: Record<string, unknown> = {}) => ({
    key,
    name: 'Warm tone',
    hypothesis: 'A warmer tone raises satisfaction',
    unit: 'session',
    variants: [
      { key: 'standard', prompt: { name: 'support', version: 1 }, weight: 50 },
      {
        key: 'warm',
        prompt: { name: 'support', label: 'staging' },
        weight: 50,
        overrides: { temperature: 0.7 },
      },
    ],
    primaryMetric: 'satisfaction',
    ...extra,
  })

  it('creates a draft with pinned prompt versions and default guardrails, then starts and stops it', async () => {
    const created = await s.call('POST', '/api/v1/experiments', body('tone'))
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      key: 'tone',
      status: 'draft',
      seed: 'tone',
      control: 'standard',
      guardrails: ['error_rate', 'score:quality:heuristic'],
      settings: { alpha: 0.05, correction: 'holm', sequential: false, minimumEffect: 0.05 },
      assignment: { hash: 'fnv1a32-fmix32', buckets: 10_000 },
    })
    expect(created.body.variants[1].prompt).toEqual({ name: 'support', version: 2, label: 'staging' })
    expect(created.body.assignment.ranges).toEqual([
      { key: 'standard', start: 0, end: 5000 },
      { key: 'warm', start: 5000, end: 10_000 },
    ])
    const draft = await s.call(
      'GET',
      '/api/v1/experiments/tone/assign?unitId=conv-1',
      undefined,
      s.keys.ingest,
    )
    expect(draft.body).toMatchObject({ variant: null, inExperiment: false, status: 'draft' })

    const started = await s.call('POST', '/api/v1/experiments/tone/start')
    expect(started.body).toMatchObject({ status: 'running', startedAt: expect.any(Number) })
    const listed = await s.call('GET', '/api/v1/experiments?status=running', undefined, s.keys.read)
    expect(listed.body.data.map((e: { key: string }) => e.key)).toContain('tone')

    const stopped = await s.call('POST', '/api/v1/experiments/tone/stop', {
      winner: 'warm',
      note: 'clear win',
    })
    expect(stopped.body.status).toBe('stopped')
    expect(stopped.body.history.map((h: { action: string }) => h.action)).toEqual([
      'created',
      'started',
      'stopped',
    ])
    expect(stopped.body.history.at(-1)).toMatchObject({ winner: 'warm', note: 'clear win' })
    expect((await s.call('POST', '/api/v1/experiments/tone/start')).body.error.code).toBe(
      'experiment_stopped',
    )
  })

  it('assigns like the documented hash, with the variant and what it changes', async () => {
    await s.call('POST', '/api/v1/experiments', body('assign-me', { start: true }))
    const spec = {
      key: 'assign-me',
      seed: 'assign-me',
      variants: [
        { key: 'standard', weight: 50 },
        { key: 'warm', weight: 50 },
      ],
    }
    for (const unitId of ['conv-1', 'conv-2', 'conv-3', 'conv-4', 'conv-5']) {
      const res = await s.call(
        'GET',
        `/api/v1/experiments/assign-me/assign?unitId=${unitId}`,
        undefined,
        s.keys.ingest,
      )
      expect(res.body).toMatchObject({ inExperiment: true, variant: assignVariant(spec, unitId) })
      const expected =
        res.body.variant === 'warm'
          ? { prompt: { name: 'support', version: 2 }, temperature: 0.7 }
          : { prompt: { name: 'support', version: 1 } }
      expect(res.body.config).toEqual(expected)
    }
  })

  it('refuses a weight change on a running experiment unless asked to re-randomise', async () => {
    await s.call('POST', '/api/v1/experiments', body('locked', { start: true }))
    const variants = body('locked').variants.map((v, i) => ({ ...v, weight: i === 0 ? 90 : 10 }))
    const refused = await s.call('PATCH', '/api/v1/experiments/locked', { variants })
    expect(refused.status).toBe(409)
    expect(refused.body.error).toMatchObject({ code: 'design_locked', field: 'variants' })
    expect(refused.body.error.message).toMatch(/rerandomize/)
    expect((await s.call('PATCH', '/api/v1/experiments/locked', { unit: 'user' })).body.error.field).toBe(
      'unit',
    )
    expect((await s.call('PATCH', '/api/v1/experiments/locked', { seed: 'other' })).body.error.field).toBe(
      'seed',
    )
    // Names, descriptions and analysis settings may change at any time.
    const renamed = await s.call('PATCH', '/api/v1/experiments/locked', {
      name: 'Renamed',
      settings: { sequential: true },
    })
    expect(renamed.body).toMatchObject({
      name: 'Renamed',
      seed: 'locked',
      settings: { sequential: true, alpha: 0.05 },
    })

    const reseeded = await s.call('PATCH', '/api/v1/experiments/locked', { variants, rerandomize: true })
    expect(reseeded.status).toBe(200)
    expect(reseeded.body).toMatchObject({ seed: 'locked-r1', revision: 1, randomizedAt: expect.any(Number) })
    expect(reseeded.body.history.at(-1)).toMatchObject({
      action: 'rerandomized',
      seed: 'locked-r1',
      weights: { standard: 90, warm: 10 },
    })
    expect(reseeded.body.assignment.ranges[0]).toEqual({ key: 'standard', start: 0, end: 9000 })
  })

  it('lets a draft change freely', async () => {
    await s.call('POST', '/api/v1/experiments', body('draft'))
    const variants = body('draft').variants.map((v, i) => ({ ...v, weight: i === 0 ? 1 : 3 }))
    const res = await s.call('PATCH', '/api/v1/experiments/draft', { variants, seed: 'fresh' })
    expect(res.body).toMatchObject({ status: 'draft', seed: 'fresh', randomizedAt: null })
  })

  it('answers bad definitions with a 400 naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [body('Bad Key'), 'key'],
      [body('x', { variants: [{ key: 'only' }] }), 'variants'],
      [body('x', { variants: [{ key: 'a' }, { key: 'a' }] }), 'variants.1.key'],
      [
        body('x', {
          variants: [
            { key: 'a', weight: 0 },
            { key: 'b', weight: 0 },
          ],
        }),
        'variants.0.weight',
      ],
      [body('x', { variants: [{ key: 'a', weight: -1 }, { key: 'b' }] }), 'variants.0.weight'],
      [body('x', { unit: 'device' }), 'unit'],
      [body('x', { control: 'nobody' }), 'control'],
      [body('x', { primaryMetric: 'happiness' }), 'primaryMetric'],
      [body('x', { settings: { alpha: 2 } }), 'settings.alpha'],
      [
        body('x', { variants: [{ key: 'a', overrides: { temperature: 9 } }, { key: 'b' }] }),
        'variants.0.overrides.temperature',
      ],
      [
        body('x', { variants: [{ key: 'a', overrides: { colour: 'red' } }, { key: 'b' }] }),
        'variants.0.overrides',
      ],
      [
        body('x', { variants: [{ key: 'a', prompt: { name: 'nothing', version: 1 } }, { key: 'b' }] }),
        'variants.0.prompt.name',
      ],
      [
        body('x', { variants: [{ key: 'a', prompt: { name: 'support', version: 9 } }, { key: 'b' }] }),
        'variants.0.prompt.version',
      ],
      [
        body('x', { variants: [{ key: 'a', prompt: { name: 'support', label: 'gone' } }, { key: 'b' }] }),
        'variants.0.prompt.label',
      ],
    ]
    for (const [definition, field] of cases) {
      const res = await s.call('POST', '/api/v1/experiments', definition)
      expect(res.status, field).toBe(400)
      expect(res.body.error.field, JSON.stringify(res.body)).toBe(field)
    }
    expect((await s.call('POST', '/api/v1/experiments', body('locked'))).status).toBe(409)
    expect(
      (await s.call('GET', '/api/v1/experiments/locked/assign', undefined, s.keys.ingest)).body.error.field,
    ).toBe('unitId')
    expect(
      (await s.call('GET', '/api/v1/experiments/none/assign?unitId=u', undefined, s.keys.ingest)).status,
    ).toBe(404)
  })

  it('deletes only experiments that are not running', async () => {
    expect((await s.call('DELETE', '/api/v1/experiments/locked')).status).toBe(409)
    expect((await s.call('DELETE', '/api/v1/experiments/draft')).status).toBe(204)
    expect((await s.call('GET', '/api/v1/experiments/draft', undefined, s.keys.read)).status).toBe(404)
  })
})
