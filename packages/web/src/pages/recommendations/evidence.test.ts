import { describe, expect, it } from 'vitest'
import { evidenceLabel, evidenceValue } from './evidence.js'

describe('the evidence of a recommendation', () => {
  it('reads each figure in the unit its name says', () => {
    expect([evidenceLabel('qualityMean'), evidenceValue('qualityMean', 0.6574)]).toEqual([
      'quality mean',
      '0.657',
    ])
    expect(evidenceValue('highQualityShare', 0.4146)).toBe('41.46 %')
    expect(evidenceValue('repeatedShare', 0.98)).toBe('98 %')
    expect([evidenceLabel('p95LatencyMs'), evidenceValue('p95LatencyMs', 2400)]).toEqual([
      'p95 latency',
      '2.40 s',
    ])
    expect(evidenceValue('costPerConversationUsd', 0.12)).toBe('$0.1200')
    expect(evidenceValue('evaluated', 41)).toBe('41')
    expect(evidenceValue('category', 'billing')).toBe('billing')
  })
})
