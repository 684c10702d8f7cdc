import { type Decision, experimentResults } from '../experiments/index.js'
import {
  type Db,
  getExperiment,
  getPrompt,
  listExperiments,
  listOptimizationActions,
  listRecommendations,
  lockKeys,
  type OptimizationAction,
  type StoredExperiment,
  saveExperiment,
  saveRecommendations,
  setPromptLabel,
} from '../store/index.js'
import { logAction, OPTIMIZER } from './actions.js'

export const PRODUCTION_LABEL = 'production'

export type CycleOptions = {
  /** optimizer: only experiments opened by applying a recommendation (default); all: every running one. */
  scope?: 'optimizer' | 'all'
  /** Report what would happen without changing anything. */
  dryRun?: boolean
  /** Who asked; null when the schedule runs it. */
  by?: string | null
}

export type CycleCheck = {
  experiment: string
  decision: Decision
  summary: string
  /** What the cycle did: promoted the winner, or nothing (with why). */
  outcome: 'promoted' | 'would_promote' | 'waiting' | 'not_promoted'
  reason: string
  action: OptimizationAction | null
}

/** The prompt version the winning variant pins, when it is a version of the same prompt as the control's. */
function promotable(e: StoredExperiment, winner: string) {
  const w = e.variants.find((v) => v.key === winner)?.prompt
  const c = e.variants.find((v) => v.key === e.control)?.prompt
  if (!w || !c || w.name !== c.name) return null
  return { name: w.name, version: w.version }
}

async function optimizerExperiments(db: Db, projectId: string): Promise<Set<string>> {
  const applied = await listOptimizationActions(db, projectId, { kind: 'apply' }, { limit: 500 })
  return new Set(applied.data.filter((a) => a.experimentKey && !a.revertedAt).map((a) => a.experimentKey!))
}

/**
 * One turn of the optimization cycle: reads the results of every running experiment in scope and
 * promotes a winner — moves the prompt's production label to the winning version and stops the
 * experiment — only when the experiment's own recommendation is "ship" with no guardrail broken.
 * Anything else (keep running, keep control, no difference, investigate) is left to people.
 * Every promotion is logged with the version the label had, so it can be reverted.
 */
export async function runCycle(
  db: Db,
  projectId: string,
  o: CycleOptions = {},
  now = Date.now(),
): Promise<CycleCheck[]> {
  const running = await listExperiments(db, projectId, { status: 'running' })
  const ours = o.scope === 'all' ? null : await optimizerExperiments(db, projectId)
  const checks: CycleCheck[] = []
  for (const e of running.filter((x) => !ours || ours.has(x.key))) {
    const results = await experimentResults(db, projectId, e.key, now)
    const rec = results.recommendation
    const base = { experiment: e.key, decision: rec.decision, summary: rec.summary, action: null }
    if (rec.decision !== 'ship' || !rec.winner) {
      checks.push({
        ...base,
        outcome: 'waiting',
        reason: `the experiment says ${rec.decision.replace('_', ' ')}`,
      })
      continue
    }
    if (rec.guardrailBreaches.length || rec.winner === e.control) {
      checks.push({ ...base, outcome: 'not_promoted', reason: 'a guardrail is broken' })
      continue
    }
    const target = promotable(e, rec.winner)
    if (!target) {
      checks.push({
        ...base,
        outcome: 'not_promoted',
        reason: "the winner is no version of the control's prompt; ship it by hand",
      })
      continue
    }
    const prompt = await getPrompt(db, projectId, target.name)
    const from = prompt?.labels[PRODUCTION_LABEL] ?? null
    if (o.dryRun) {
      checks.push({
        ...base,
        outcome: 'would_promote',
        reason: `would move ${PRODUCTION_LABEL} of ${target.name} from v${from} to v${target.version}`,
      })
      continue
    }
    const action = await db.transaction(async (tx) => {
      // Label, experiment and log change together, and only once: two servers may run the cycle.
      await lockKeys(tx, [`experiment:${projectId}:${e.key}`, `prompt:${projectId}:${target.name}`])
      const current = await getExperiment(tx, projectId, e.key)
      if (current?.status !== 'running') return null
      const before = (await getPrompt(tx, projectId, target.name))?.labels[PRODUCTION_LABEL] ?? null
      const note = `promoted by the optimization cycle: ${rec.summary}`
      const entry = { at: now, action: 'stopped' as const, by: o.by ?? OPTIMIZER, winner: rec.winner!, note }
      await saveExperiment(tx, projectId, {
        ...current,
        status: 'stopped',
        stoppedAt: now,
        updatedAt: now,
        history: [...current.history, entry],
      })
      await setPromptLabel(tx, projectId, {
        name: target.name,
        label: PRODUCTION_LABEL,
        version: target.version,
        now,
        by: o.by ?? OPTIMIZER,
      })
      const recs = await listRecommendations(tx, projectId, { experimentKey: e.key })
      await saveRecommendations(
        tx,
        projectId,
        recs.map((r) => ({
          ...r,
          updatedAt: now,
          note: `${r.note ?? ''}; promoted v${target.version} to ${PRODUCTION_LABEL}`.replace(/^; /, ''),
        })),
      )
      return logAction(tx, projectId, {
        at: now, kind: 'promote', automatic: o.by == null, actor: o.by ?? OPTIMIZER, recommendationId: recs[0]?.id ?? null,
        experimentKey: e.key, promptName: target.name, label: PRODUCTION_LABEL, fromVersion: before, toVersion: target.version,
        summary: `${target.name}: ${PRODUCTION_LABEL} v${before ?? '–'} → v${target.version} (${rec.winner} won ${e.key})`,
        details: { summary: rec.summary, reasons: rec.reasons, tradeOffs: rec.tradeOffs },
      }) // biome-ignore format: one entry
    })
    if (!action) {
      checks.push({ ...base, outcome: 'not_promoted', reason: 'the experiment stopped meanwhile' })
      continue
    }
    checks.push({ ...base, outcome: 'promoted', reason: action.summary, action })
  }
  return checks
}
