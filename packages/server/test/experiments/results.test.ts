import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES } from '../support/engines.js'
import { startTestServer, type TestServer } from '../support/server.js'
import { experimentTraffic, type TrafficSpec } from './traffic.js'

const BATCH = 1000

describe.each(ENGINES)('experiment results on $name', (engine) => {
  let s: TestServer
  beforeAll(async () => {
    s = await startTestServer(engine)
  })
  afterAll(() => s?.close())

  async function run(key: string, traffic: Omit<TrafficSpec, 'key' | 'seed' | 'variants'>, settings = {}) {
    const variants = [
      { key: 'control', weight: 1 },
      { key: 'warm', weight: 1 },
    ]
    const created = await s.call('POST', '/api/v1/experiments', {
      key,
      variants,
      unit: 'user',
      primaryMetric: 'score:quality:heuristic',
      settings,
      start: true,
    })
    expect(created.status).toBe(201)
    const events = experimentTraffic({ key, seed: created.body.seed, variants, ...traffic })
    for (let i = 0; i < events.length; i += BATCH) {
      const res = await s.call('POST', '/api/v1/ingest', { batch: events.slice(i, i + BATCH) }, s.keys.ingest)
      expect(res.body.errors).toEqual([])
    }
    const res = await s.call('GET', `/api/v1/experiments/${key}/results`, undefined, s.keys.read)
    expect(res.status).toBe(200)
    return res.body
  }
  const metric = (r: any, id: string) => r.metrics.find((m: { id: string }) => m.id === id)

  it('finds a real improvement in quality, ships it, and names its cost', async () => {
    const r = await run('known-effect', {
      units: 1200,
      randomSeed: 7,
      behaviour: { warm: { quality: 0.05, costUsd: 0.0002 } },
    })
    expect(r.srm.mismatch).toBe(false)
    expect(r.variants.map((v: { units: number }) => v.units).reduce((a: number, b: number) => a + b)).toBe(
      1200,
    )
    const quality = metric(r, 'score:quality:heuristic')
    expect(quality.role).toBe('primary')
    expect(quality.comparisons[0]).toMatchObject({
      variant: 'warm',
      verdict: 'better',
      method: 'welch-delta',
    })
    expect(quality.comparisons[0].relativeLift.estimate).toBeGreaterThan(0.04)
    expect(metric(r, 'cost_usd').comparisons[0].verdict).toBe('worse')
    expect(r.recommendation).toMatchObject({ decision: 'ship', winner: 'warm' })
    expect(r.recommendation.tradeOffs.map((t: { metric: string }) => t.metric)).toContain('cost_usd')
    // Every metric the traffic carries is reported, with a correction across them.
    for (const id of ['latency_ms', 'error_rate', 'thumbs_up_rate', 'resolution_rate', 'satisfaction'])
      expect(metric(r, id).comparisons[0].pValueAdjusted).toBeGreaterThanOrEqual(
        metric(r, id).comparisons[0].pValue,
      )
  })

  it('does not ship a variant that changes nothing', async () => {
    const r = await run('no-effect', { units: 1200, randomSeed: 11 })
    expect(r.srm.mismatch).toBe(false)
    expect(r.recommendation.decision).not.toBe('ship')
    expect(['keep_running', 'no_difference']).toContain(r.recommendation.decision)
  })

  it('says how many more units a small experiment needs', async () => {
    const r = await run('too-small', { units: 60, randomSeed: 3, prefix: 'small' })
    expect(r.recommendation.decision).toBe('keep_running')
    expect(r.recommendation.unitsNeeded.more).toBeGreaterThan(0)
    expect(metric(r, 'score:quality:heuristic').comparisons[0].mde.absolute).toBeGreaterThan(0)
  })

  it('reports always-valid p-values and intervals when the experiment is sequential', async () => {
    const r = await run(
      'sequential',
      { units: 1200, randomSeed: 5, prefix: 'seq', behaviour: { warm: { quality: 0.05 } } },
      { sequential: true, minimumEffect: 0.05 },
    )
    expect(r.mode).toBe('sequential')
    const c = metric(r, 'score:quality:heuristic').comparisons[0]
    expect(c.sequential.pValue).toBeGreaterThanOrEqual(c.pValue)
    expect(c.sequential.ci.upper - c.sequential.ci.lower).toBeGreaterThan(c.ci.upper - c.ci.lower)
    expect(r.recommendation).toMatchObject({ decision: 'ship', winner: 'warm' })
  })
})
