import { describe, expect, it } from 'vitest'
import type { StoredRun, StoredRunItem } from '../../store/index.js'
import { compareRuns } from './compare.js'
import { gateAgainstBaseline, gateOnAssertions } from './gate.js'

const run = (id: string): StoredRun => ({
  id, datasetId: 'd', datasetVersion: 1, name: id, status: 'completed', config: {}, configKey: id, assertions: [],
  evaluators: [], repetitions: 1, environment: 'eval', provider: 'simulated', simulated: true, total: 0, done: 0,
  summary: null, error: null, createdBy: null, createdAt: 0, startedAt: 0, finishedAt: 0,
}) // biome-ignore format: a fixture

function exec(
  itemId: string,
  passed: boolean,
  quality: number,
  extra: Partial<StoredRunItem> = {},
): StoredRunItem {
  return {
    itemId, repetition: 0, traceId: `t-${itemId}`, output: 'answer', error: null, latencyMs: 800, costUsd: 0.001,
    inputTokens: 10, outputTokens: 20, scores: { quality }, createdAt: 0, attempts: 1, passed,
    assertions: [{ name: 'contains expected', type: 'contains', pass: passed, score: passed ? 1 : 0, reason: passed ? 'ok' : 'missing "30 days"' }],
    ...extra,
  } // biome-ignore format: a fixture
}

describe('run comparison', () => {
  const base = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => exec(id, true, 0.8))
  const cand = [
    exec('a', true, 0.9),
    exec('b', false, 0.5),
    exec('c', true, 0.81),
    exec('d', false, 0.4),
    exec('e', true, 0.8),
    exec('g', true, 0.9),
  ]
  const c = compareRuns(
    { run: run('base'), items: base },
    { run: run('cand'), items: cand },
    { order: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] },
  )

  it('tells regressed, improved, unchanged, added and removed items apart', () => {
    expect(c.items.map((i) => [i.itemId, i.status])).toEqual([
      ['a', 'unchanged'], ['b', 'regressed'], ['c', 'unchanged'], ['d', 'regressed'], ['e', 'unchanged'],
      ['f', 'removed'], ['g', 'added'],
    ]) // biome-ignore format: pairs
    expect(c.regressed).toEqual(['b', 'd'])
    const b = c.items.find((i) => i.itemId === 'b')!
    expect(b.newlyFailing).toEqual(['contains expected'])
    expect(b.worse.map((w) => w.metric).sort()).toEqual(['pass_rate', 'quality'])
    expect(c.items.find((i) => i.itemId === 'a')!.better.map((w) => w.metric)).toEqual(['quality'])
  })

  it('pairs the items both runs have and tests each metric', () => {
    const quality = c.metrics.find((m) => m.metric === 'quality')!
    expect(quality.pairs).toBe(5)
    expect(quality.meanDelta).toBeCloseTo((0.1 - 0.3 + 0.01 - 0.4 + 0) / 5, 12)
    expect([quality.better, quality.worse, quality.same]).toEqual([1, 2, 2])
    expect(quality.pairedT?.df).toBe(4)
    const pass = c.metrics[0]!
    expect(pass).toMatchObject({ metric: 'pass_rate', baselineMean: 1, candidateMean: 0.6, worse: 2 })
    expect(pass.sign).toMatchObject({ positive: 0, negative: 2, ties: 3 })
    expect(pass.sign.pValue).toBeCloseTo(0.5, 12)
  })

  it('fails the gate on any regressed item by default, and tolerates up to the threshold', () => {
    const strict = gateAgainstBaseline(c)
    expect(strict.regression).toBe(true)
    expect(strict.items.map((i) => i.itemId)).toEqual(['b', 'd'])
    expect(strict.items[0]!.reason).toBe('pass rate 100.0 % → 0.0 %; now failing: contains expected')
    expect(gateAgainstBaseline(c, 0.4).regression).toBe(false)
    expect(gateAgainstBaseline(c, 0.39).regression).toBe(true)
  })

  it('treats a failed model call as a regression of its item', () => {
    const failed = exec('a', false, 0, {
      output: null,
      error: 'the model call failed after 3 attempt(s): 503',
      scores: {},
      assertions: [],
    })
    const r = compareRuns(
      { run: run('base'), items: [exec('a', true, 0.8)] },
      { run: run('cand'), items: [failed] },
    )
    expect(gateAgainstBaseline(r).items).toEqual([
      { itemId: 'a', reason: 'pass rate 100.0 % → 0.0 %; now failing: contains expected' },
    ])
  })

  it('averages repetitions, so an item that passes 2 of 3 times regresses against 3 of 3', () => {
    const reps = (id: string, passes: boolean[]) =>
      passes.map((p, r) => ({ ...exec(id, p, 0.8), repetition: r }))
    const r = compareRuns(
      { run: run('b'), items: reps('x', [true, true, true]) },
      { run: run('c'), items: reps('x', [true, false, true]) },
    )
    expect(r.items[0]!.candidate!.passRate).toBeCloseTo(2 / 3, 12)
    expect(r.regressed).toEqual(['x'])
  })

  it('without a baseline, gates on the items that fail their assertions', () => {
    const g = gateOnAssertions(cand)
    expect(g).toMatchObject({ mode: 'assertions', regression: true })
    expect(g.items).toEqual([
      { itemId: 'b', reason: 'contains expected: missing "30 days"' },
      { itemId: 'd', reason: 'contains expected: missing "30 days"' },
    ])
  })
})
