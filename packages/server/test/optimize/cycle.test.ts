import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  applyRecommendation,
  GenerateBody,
  generateRecommendations,
  revertAction,
  runCycle,
} from '../../src/optimize/index.js'
import { ensureDefaultProject } from '../../src/projects/index.js'
import { createPromptVersion } from '../../src/prompts/index.js'
import {
  getExperiment,
  getPrompt,
  getPromptVersion,
  getRecommendation,
  listOptimizationActions,
  type StoredRecommendation,
} from '../../src/store/index.js'
import { ENGINES, type TestDb } from '../support/engines.js'
import { ingestTurns, rng, type Turn, unitNormal } from './traffic.js'

const HOUR = 3_600_000
const SYSTEM = 'You are the support assistant of an online store.'

/** Billing and support answers that both score low: two recommendations to apply. */
function lowQualityDay(now: number): Turn[] {
  return Array.from({ length: 60 }, (_, i) => ({
    at: now - 5 * HOUR + i * 60_000,
    promptName: 'support',
    promptVersion: 1,
    userId: `u${i}`,
    quality: 0.55,
    category: i % 2 ? 'billing' : 'support',
  }))
}

/** 300 users per variant of an experiment; quality per variant drawn from a seeded normal. */
function experimentTraffic(key: string, means: Record<string, number>, seed: number, now: number): Turn[] {
  const r = rng(seed)
  return Object.entries(means).flatMap(([variant, mean], v) =>
    Array.from({ length: 300 }, (_, i) => ({
      at: now - 2 * HOUR + i * 1000,
      userId: `${key}-${variant}-${i}`,
      promptName: 'support',
      promptVersion: v + 1,
      quality: unitNormal(r, mean, 0.12),
      experiment: { key, variant },
    })),
  )
}

describe.each(ENGINES)('optimization cycle on $name', (engine) => {
  let store: TestDb
  let projectId: string
  let recs: StoredRecommendation[]
  beforeAll(async () => {
    store = await engine.open()
    projectId = (await ensureDefaultProject(store.db)).project.id
    await createPromptVersion(
      store.db,
      projectId,
      'support',
      { messages: [{ role: 'system', content: SYSTEM }], labels: ['production'] },
      'test',
    )
    await ingestTurns(store.db, projectId, lowQualityDay(Date.now()))
    recs = (await generateRecommendations(store.db, projectId, GenerateBody.parse({ window: '24h' }))).created
  })
  afterAll(() => store?.dispose())

  const production = async () => (await getPrompt(store.db, projectId, 'support'))!.labels.production

  it('applying a recommendation creates the prompt version and an experiment against production', async () => {
    const billing = recs.find((r) => r.scope.category === 'billing')!
    const r = await applyRecommendation(store.db, projectId, billing.id, { by: 'test' })
    expect(r.version).toMatchObject({ name: 'support', version: 2 })
    expect(r.version!.messages[0]!.content).toBe(
      `${SYSTEM}\n\n${(billing.proposal as { instruction: string }).instruction}`,
    )
    expect(r.experiment).toMatchObject({
      key: `opt-low-quality-category-${billing.id.slice(-8)}`,
      status: 'running',
      control: 'production',
      primaryMetric: 'score:quality:heuristic',
      settings: { sequential: true },
    })
    expect(r.experiment!.variants.map((v) => [v.key, v.prompt?.version])).toEqual([
      ['production', 1],
      ['candidate', 2],
    ])
    expect(await getRecommendation(store.db, projectId, billing.id)).toMatchObject({
      status: 'applied',
      experimentKey: r.experiment!.key,
      promptVersion: 2,
    })
    expect(await production()).toBe(1)
    const log = await listOptimizationActions(store.db, projectId, { kind: 'apply' }, { limit: 10 })
    expect(log.data[0]).toMatchObject({
      experimentKey: r.experiment!.key,
      fromVersion: 1,
      toVersion: 2,
      automatic: false,
      actor: 'test',
    })
    await expect(applyRecommendation(store.db, projectId, billing.id, { by: 'test' })).rejects.toMatchObject({
      code: 'not_open',
    })
  })

  it('promotes a candidate with a real effect, logged and reversible', async () => {
    const key = (await getRecommendation(
      store.db,
      projectId,
      recs.find((r) => r.scope.category === 'billing')!.id,
    ))!.experimentKey!
    await ingestTurns(
      store.db,
      projectId,
      experimentTraffic(key, { production: 0.62, candidate: 0.72 }, 1, Date.now()),
    )
    const dry = await runCycle(store.db, projectId, { dryRun: true })
    expect(dry).toMatchObject([{ experiment: key, decision: 'ship', outcome: 'would_promote' }])
    expect(await production()).toBe(1)
    const [check] = await runCycle(store.db, projectId)
    expect(check).toMatchObject({ experiment: key, decision: 'ship', outcome: 'promoted' })
    expect(await production()).toBe(2)
    expect((await getExperiment(store.db, projectId, key))!.status).toBe('stopped')
    expect(check!.action).toMatchObject({
      kind: 'promote',
      automatic: true,
      fromVersion: 1,
      toVersion: 2,
      label: 'production',
    })
    // Nothing left to check: the experiment stopped.
    expect(await runCycle(store.db, projectId)).toEqual([])

    const { revert } = await revertAction(store.db, projectId, check!.action!.id, 'test')
    expect(revert).toMatchObject({
      kind: 'revert',
      revertOf: check!.action!.id,
      fromVersion: 2,
      toVersion: 1,
    })
    expect(await production()).toBe(1)
    await expect(revertAction(store.db, projectId, check!.action!.id, 'test')).rejects.toMatchObject({
      code: 'already_reverted',
    })
  })

  it('does not promote a candidate without an effect', async () => {
    const support = recs.find((r) => r.scope.category === 'support')!
    const { experiment, version } = await applyRecommendation(store.db, projectId, support.id, { by: 'test' })
    expect(version!.version).toBe(3)
    expect(await getPromptVersion(store.db, projectId, 'support', 3)).toBeDefined()
    const traffic = experimentTraffic(experiment!.key, { production: 0.7, candidate: 0.7 }, 2, Date.now())
    await ingestTurns(
      store.db,
      projectId,
      traffic.map((t) => ({ ...t, promptVersion: t.promptVersion === 2 ? 3 : 1 })),
    )
    const [check] = await runCycle(store.db, projectId)
    expect(check).toMatchObject({ experiment: experiment!.key, outcome: 'waiting', action: null })
    expect(check!.decision).not.toBe('ship')
    expect(await production()).toBe(1)
    expect((await getExperiment(store.db, projectId, experiment!.key))!.status).toBe('running')
  })

  it('reverting an apply stops its experiment and reopens the recommendation', async () => {
    const support = recs.find((r) => r.scope.category === 'support')!
    const applied = await listOptimizationActions(store.db, projectId, { kind: 'apply' }, { limit: 10 })
    const action = applied.data.find((a) => a.recommendationId === support.id)!
    await revertAction(store.db, projectId, action.id, 'test')
    expect((await getExperiment(store.db, projectId, action.experimentKey!))!.status).toBe('stopped')
    expect(await getRecommendation(store.db, projectId, support.id)).toMatchObject({ status: 'open' })
    expect(await production()).toBe(1)
    const all = await listOptimizationActions(store.db, projectId, {}, { limit: 20 })
    expect(all.data.map((a) => a.kind)).toEqual(['revert', 'apply', 'revert', 'promote', 'apply'])
  })
})
