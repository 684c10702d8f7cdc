import { describe, expect, it } from 'vitest'
import { analyzeExperiment } from '../../src/experiments/index.js'
import { minimumDetectableEffectForMeans } from '../../src/experiments/stats/index.js'
import { mulberry32, normalGenerator } from '../../src/experiments/stats/testing/random.js'
import type {
  ExperimentAggregates,
  ExperimentSettings,
  Moments,
  StoredExperiment,
} from '../../src/store/index.js'

// The recommendation over many simulated experiments, without a database: the same aggregates
// the SQL returns, built from simulated units (one quality score and one turn each).
const RUNS = 300
const ALPHA = 0.05
const SD = 0.1
const BASE = 0.7

function experiment(settings: Partial<ExperimentSettings>): StoredExperiment {
  const t = Date.parse('2026-11-01T00:00:00Z')
  // biome-ignore format: one object
  return {
    key: 'sim', name: 'sim', description: null, hypothesis: null, status: 'running', unit: 'user', seed: 'sim',
    variants: [
      { key: 'a', name: null, description: null, weight: 1, prompt: null, overrides: {} },
      { key: 'b', name: null, description: null, weight: 1, prompt: null, overrides: {} },
    ],
    control: 'a', primaryMetric: 'score:quality:heuristic', guardrails: ['error_rate'],
    settings: { alpha: ALPHA, power: 0.8, correction: 'holm', sequential: false, minimumEffect: 0.05, ...settings },
    history: [], revision: 0, randomizedAt: null, startedAt: t, stoppedAt: null, createdBy: null, createdAt: t, updatedAt: t,
  }
}

const empty = (variant: string): Moments => ({
  variant,
  units: 0,
  sx: 0,
  sxx: 0,
  sy: 0,
  syy: 0,
  sxy: 0,
  maxY: 0,
})
function add(m: Moments, x: number) {
  m.units += 1
  m.sx += x
  m.sxx += x * x
  m.sy += 1
  m.syy += 1
  m.sxy += x
  m.maxY = 1
}

/** Accumulates units day by day, as the SQL aggregates of a growing experiment would. */
function simulation(seed: number, effect: number, errorRates = { a: 0.03, b: 0.03 }) {
  const normal = normalGenerator(mulberry32(seed))
  const rng = mulberry32(seed + 1)
  const quality = { a: empty('a'), b: empty('b') }
  const errors = { a: empty('a'), b: empty('b') }
  return function addUnits(perArm: number): ExperimentAggregates {
    for (const v of ['a', 'b'] as const) {
      for (let i = 0; i < perArm; i++) {
        add(quality[v], BASE + (v === 'b' ? effect : 0) + SD * normal())
        add(errors[v], rng() < errorRates[v] ? 1 : 0)
      }
    }
    const units = quality.a.units
    const none: Moments[] = []
    return {
      exposure: ['a', 'b'].map((variant) => ({ variant, units, traces: units, sessions: units })),
      crossoverUnits: 0,
      // biome-ignore format: one object
      metrics: { latency_ms: none, cost_usd: none, error_rate: [errors.a, errors.b].map((m) => ({ ...m })),
        resolution_rate: none, satisfaction: none, thumbs_up_rate: none, rating: none },
      scores: [
        {
          name: 'quality',
          source: 'heuristic',
          dataType: 'numeric',
          level: 'trace',
          rows: [{ ...quality.a }, { ...quality.b }],
        },
      ],
    }
  }
}

describe('the recommendation over simulated experiments', () => {
  it('ships a variant without any effect in about alpha / 2 of fixed-horizon experiments, never more than alpha', () => {
    const e = experiment({})
    let shipped = 0
    for (let i = 0; i < RUNS; i++) {
      const r = analyzeExperiment(e, simulation(1000 + i, 0)(400))
      if (r.recommendation.decision === 'ship') shipped += 1
    }
    expect(shipped / RUNS).toBeLessThan(ALPHA)
  })

  it('ships a true effect as often as the power calculation promised', () => {
    // The effect 400 units per arm detect with 80 % power at alpha / 2 (Holm over two metrics).
    const effect = minimumDetectableEffectForMeans({ sd: SD, n: 400, alpha: ALPHA / 2, power: 0.8 })
    // Planned for a slightly larger effect, so the fixed horizon (the planned sample) is reached at 400.
    const e = experiment({ minimumEffect: (1.1 * effect) / BASE })
    let shipped = 0
    for (let i = 0; i < RUNS; i++) {
      const r = analyzeExperiment(e, simulation(5000 + i, effect)(400))
      if (r.recommendation.decision === 'ship') shipped += 1
    }
    // 80 % planned; ±3.9 binomial standard deviations of 300 runs is about ±0.09.
    expect(shipped / RUNS).toBeGreaterThan(0.71)
    expect(shipped / RUNS).toBeLessThan(0.89)
  })

  it('ships a variant without any effect in under alpha of sequential experiments read every day for a month', () => {
    const e = experiment({ sequential: true })
    let shipped = 0
    // Fewer runs than above: each reads its results 30 times.
    const runs = 100
    for (let i = 0; i < runs; i++) {
      const day = simulation(9000 + i, 0)
      for (let look = 0; look < 30; look++) {
        if (analyzeExperiment(e, day(40)).recommendation.decision === 'ship') {
          shipped += 1
          break
        }
      }
    }
    expect(shipped / runs).toBeLessThan(ALPHA)
  })

  it('waits for the planned sample before shipping a fixed-horizon lead', () => {
    const e = experiment({ minimumEffect: 0.01 })
    const r = analyzeExperiment(e, simulation(77, 0.05)(100))
    expect(r.metrics[0]!.comparisons[0]!.verdict).toBe('better')
    expect(r.recommendation.decision).toBe('keep_running')
    expect(r.recommendation.reasons[0]).toMatch(/planned .* units per arm are not reached/)
  })
})

describe('the recommendation', () => {
  it('never ships a variant that breaks a guardrail, however good its primary metric', () => {
    const r = analyzeExperiment(experiment({}), simulation(31, 0.05, { a: 0.03, b: 0.12 })(400))
    expect(r.metrics[0]!.comparisons[0]!.verdict).toBe('better')
    expect(r.recommendation).toMatchObject({ decision: 'keep_control', winner: null })
    expect(r.recommendation.guardrailBreaches.map((b) => b.metric)).toEqual(['error_rate'])
    expect(r.recommendation.summary).toMatch(/breaks error rate/)
  })

  it('asks to investigate a sample-ratio mismatch before anything else', () => {
    const agg = simulation(41, 0.05)(400)
    agg.exposure[0]!.units = 460
    agg.exposure[1]!.units = 340
    const r = analyzeExperiment(experiment({}), agg)
    expect(r.srm!.mismatch).toBe(true)
    expect(r.recommendation.decision).toBe('investigate')
  })

  it('keeps the control when the variant is significantly worse', () => {
    const r = analyzeExperiment(experiment({}), simulation(51, -0.05)(400))
    expect(r.recommendation).toMatchObject({ decision: 'keep_control' })
  })
})
