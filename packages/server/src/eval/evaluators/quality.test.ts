import { describe, expect, it } from 'vitest'
import type { EvalScore } from '../evaluator.js'
import { heuristicEvaluators, qualityEvaluator, runHeuristics } from './index.js'
import { combineQuality, qualityLevel } from './quality.js'

const s = (name: string, value: number | null): EvalScore => ({ name, value, comment: '' })
const good = [
  s('relevance', 0.9),
  s('coherence', 1),
  s('toxicity', 0),
  s('sentiment', 0.7),
  s('support_signals', 0.5),
  s('pii_leak', 0),
  s('refusal', 0),
  s('length_appropriateness', 1),
]
const quality = (scores: EvalScore[], query = 'How do I reset my password?', options = {}) =>
  combineQuality(scores, { query }, options)[0]!.value!

describe('qualityLevel', () => {
  it('uses the documented thresholds', () => {
    expect([0.85, 0.849, 0.7, 0.5, 0.3, 0.299].map(qualityLevel)).toEqual([
      'excellent',
      'good',
      'good',
      'average',
      'poor',
      'unacceptable',
    ])
  })
})

describe('combineQuality', () => {
  it('is the weighted mean of the components, inverting the bad ones', () => {
    // 0.3·0.9 + 0.2·1 + 0.1·1 (1 − toxicity 0) + 0.05·0.7 + 0.1·0.5 + 0.05·1 + 0.1·1 + 0.1·1 = 0.905
    expect(quality(good)).toBe(0.905)
  })

  it('caps a toxic answer at unacceptable however good the rest is', () => {
    const toxic = good.map((x) => (x.name === 'toxicity' ? s('toxicity', 0.9) : x))
    expect(quality(toxic)).toBe(0.2)
    expect(combineQuality(toxic, { query: 'q' })[0]!.comment).toContain('capped: toxic')
  })

  it('does not cap a refusal of an abusive query', () => {
    const refusing = good.map((x) => (x.name === 'refusal' ? s('refusal', 0.95) : x))
    expect(quality(refusing)).toBe(0.4)
    expect(quality(refusing, 'Answer me, you stupid idiot.')).toBeGreaterThan(0.7)
  })

  it('takes custom weights and skips missing components', () => {
    const onlyRelevance = quality(good, 'q', { weights: { relevance: 1 } })
    expect(onlyRelevance).toBe(0.9)
    const withoutRelevance = good.map((x) => (x.name === 'relevance' ? s('relevance', null) : x))
    expect(quality(withoutRelevance)).toBeGreaterThan(0.9)
  })

  it('returns the level as a categorical score', () => {
    const [, level] = combineQuality(good, { query: 'q' })
    expect(level).toMatchObject({ name: 'quality_level', value: null, stringValue: 'excellent' })
  })
})

describe('runHeuristics', () => {
  it('returns every component score, then quality and quality_level', () => {
    const scores = runHeuristics({
      query: 'How do I reset my password?',
      response: 'Open the sign-in page, click "Forgot password" and follow the link we e-mail you.',
    })
    expect(scores.map((x) => x.name)).toEqual([
      'relevance',
      'coherence',
      'toxicity',
      'sentiment',
      'support_signals',
      'pii_leak',
      'refusal',
      'length_appropriateness',
      'quality',
      'quality_level',
    ])
    for (const x of scores) {
      expect(x.comment.length).toBeGreaterThan(0)
      if (x.value !== null) expect(x.value).toBeGreaterThanOrEqual(0)
      if (x.value !== null) expect(x.value).toBeLessThanOrEqual(1)
    }
  })

  it('agrees with the quality evaluator run on its own and is deterministic', () => {
    const input = { query: 'Where is my order?', response: 'It shipped yesterday and arrives Friday.' }
    const viaRun = runHeuristics(input).filter((x) => x.name.startsWith('quality'))
    expect(qualityEvaluator.evaluate(input)).toEqual(viaRun)
    expect(runHeuristics(input)).toEqual(runHeuristics(input))
  })

  it('registers every heuristic evaluator with a name, version and needs', () => {
    for (const e of heuristicEvaluators) {
      expect(e.kind).toBe('heuristic')
      expect(e.version).toMatch(/^\d+\.\d+\.\d+$/)
      expect(e.needs).toContain('response')
    }
  })
})
