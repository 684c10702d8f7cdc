import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GenerateBody, generateRecommendations, setRecommendationStatus } from '../../src/optimize/index.js'
import { ensureDefaultProject } from '../../src/projects/index.js'
import { createPromptVersion } from '../../src/prompts/index.js'
import type { StoredRecommendation } from '../../src/store/index.js'
import { ENGINES, type TestDb } from '../support/engines.js'
import { ingestTurns, type Turn } from './traffic.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/**
 * A week of troubled production traffic: billing answers score low, answers are slow, a tenth
 * fail (none did the week before), gpt-4o with long prompts makes conversations expensive,
 * conversations run long and one question comes back again and again. Dataset runs in the
 * "eval" environment score perfectly and must change nothing.
 */
function troubledWeek(now: number): Turn[] {
  const turns: Turn[] = []
  for (let i = 0; i < 100; i++) {
    const billing = i % 2 === 0
    turns.push({
      at: now - 2 * DAY + i * 10 * 60_000,
      input:
        i % 5 < 2 ? 'Where is my order?' : `Question number ${i} about my ${billing ? 'invoice' : 'parcel'}`,
      model: 'gpt-4o',
      promptName: 'support',
      promptVersion: 1,
      userId: `u${i % 20}`,
      sessionId: `s${i % 8}`,
      latencyMs: 3500,
      inputTokens: 30_000,
      outputTokens: 150,
      status: i % 10 === 3 ? 'error' : 'ok',
      quality: billing ? 0.5 : 0.85,
      category: billing ? 'billing' : 'support',
    })
  }
  for (let i = 0; i < 60; i++)
    turns.push({ at: now - 10 * DAY + i * 60_000, model: 'gpt-4o', userId: `old${i}`, latencyMs: 3500 })
  for (let i = 0; i < 50; i++)
    turns.push({
      at: now - DAY + i * 1000,
      environment: 'eval',
      quality: 1,
      category: 'billing',
      latencyMs: 100,
    })
  return turns
}

describe.each(ENGINES)('recommendations on $name', (engine) => {
  let store: TestDb
  let projectId: string
  const generate = () => generateRecommendations(store.db, projectId, GenerateBody.parse({ window: '7d' }))
  beforeAll(async () => {
    store = await engine.open()
    projectId = (await ensureDefaultProject(store.db)).project.id
    await createPromptVersion(
      store.db,
      projectId,
      'support',
      { messages: [{ role: 'system', content: 'You help customers.' }], labels: ['production'] },
      'test',
    )
    await ingestTurns(store.db, projectId, troubledWeek(Date.now()))
  })
  afterAll(() => store?.dispose())

  it('finds what the data supports, each with its figures, priority, expected effect and effort', async () => {
    const r = await generate()
    expect(r.filter).toEqual({ environment: 'production' })
    expect(r.interactions).toBe(100)
    const by = new Map<string, StoredRecommendation>(r.created.map((x) => [x.rule, x]))
    expect([...by.keys()].sort()).toEqual(
      [
        'cheaper_model',
        'error_spike',
        'long_histories',
        'low_quality_category',
        'response_cache',
        'slow_responses',
      ].sort(),
    )
    for (const x of r.created) {
      expect(x).toMatchObject({ status: 'open', source: 'rules' })
      expect(['high', 'medium', 'low']).toContain(x.priority)
      expect(['high', 'medium', 'low']).toContain(x.effort)
      expect(x.expectedEffect.length).toBeGreaterThan(20)
      expect(x.evidenceText.length).toBeGreaterThan(10)
    }
    const quality = by.get('low_quality_category')!
    expect(quality.evidence).toMatchObject({
      category: 'billing',
      qualityMean: 0.5,
      highQualityShare: 0,
      evaluated: 50,
    })
    expect(quality.proposal).toMatchObject({
      kind: 'prompt',
      promptName: 'support',
      primaryMetric: 'score:quality:heuristic',
    })
    expect(by.get('error_spike')).toMatchObject({
      priority: 'high',
      evidence: { errorRate: 0.1, previousErrorRate: 0, errors: 10 },
    })
    expect(by.get('slow_responses')!.evidence).toMatchObject({
      p95Ms: expect.any(Number),
      meanMs: 3500,
      slowestModel: 'gpt-4o',
    })
    expect(by.get('slow_responses')!.proposal).toMatchObject({
      kind: 'model',
      from: 'gpt-4o',
      primaryMetric: 'latency_ms',
    })
    const cheaper = by.get('cheaper_model')!
    expect(cheaper.priority).toBe('high')
    expect(cheaper.proposal).toMatchObject({
      kind: 'model',
      promptName: 'support',
      from: 'gpt-4o',
      primaryMetric: 'cost_usd',
    })
    expect(cheaper.evidence.priceRatio as number).toBeLessThanOrEqual(0.7)
    expect(cheaper.evidence.costPerConversationUsd as number).toBeGreaterThan(0.1)
    expect(by.get('long_histories')!.evidence).toMatchObject({
      turnsMean: 12.5,
      inputTokensPerInteraction: 30000,
    })
    expect(by.get('response_cache')!.evidence).toMatchObject({
      repeatedShare: 0.4,
      topQuestion: 'Where is my order?',
      topQuestionCount: 40,
    })
    expect(by.get('response_cache')!.proposal).toMatchObject({ kind: 'manual' })
  })

  it('refreshes open findings instead of repeating them, and leaves dismissed ones alone for a while', async () => {
    const again = await generate()
    expect(again.created).toEqual([])
    expect(again.refreshed).toHaveLength(6)
    const cache = again.refreshed.find((x) => x.rule === 'response_cache')!
    const dismissed = await setRecommendationStatus(store.db, projectId, cache.id, {
      status: 'dismissed',
      note: 'we have a cache',
    })
    expect(dismissed).toMatchObject({
      status: 'dismissed',
      note: 'we have a cache',
      dismissedAt: expect.any(Number),
    })
    const third = await generate()
    expect(third.refreshed).toHaveLength(5)
    expect(third.snoozed).toEqual([{ fingerprint: cache.fingerprint, status: 'dismissed' }])
  })
})
