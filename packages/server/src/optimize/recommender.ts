import type { Window } from '../analytics/index.js'
import { newId } from '../model/ids.js'
import {
  type Db,
  listRecommendations,
  lockKeys,
  type Queryable,
  type StoredRecommendation,
  saveRecommendations,
} from '../store/index.js'
import { type Evidence, gatherEvidence } from './evidence.js'
import { RULES } from './rules/index.js'
import { type Finding, MIN_SAMPLE } from './types.js'

/** An applied or dismissed finding is not raised again for this long. */
export const SNOOZE_MS = 7 * 86_400_000

export type GenerateOptions = { window: Window; bot?: string; environment?: string }

export type GenerateResult = {
  window: Window
  /** The traffic the rules read (the production environment unless one was given). */
  filter: Evidence['filter']
  interactions: number
  created: StoredRecommendation[]
  refreshed: StoredRecommendation[]
  /** Findings left out because the same one was applied or dismissed within SNOOZE_MS. */
  snoozed: { fingerprint: string; status: string }[]
  /** Open recommendations of the same slice the data no longer supports, now dismissed. */
  resolved: StoredRecommendation[]
}

const sliceOf = (f: Evidence['filter']) => `${f.bot ?? ''}|${f.environment ?? ''}`
const fingerprintOf = (finding: Finding, f: Evidence['filter']) =>
  `${finding.rule}:${finding.scopeKey}:${sliceOf(f)}`

function fromFinding(
  finding: Finding,
  e: Evidence,
  fingerprint: string,
  now: number,
  old?: StoredRecommendation,
): StoredRecommendation {
  return {
    id: old?.id ?? newId(now),
    rule: finding.rule,
    fingerprint,
    status: 'open',
    priority: finding.priority,
    title: finding.title,
    evidence: finding.evidence,
    evidenceText: finding.evidenceText,
    action: finding.action,
    expectedEffect: finding.expectedEffect,
    effort: finding.effort,
    proposal: finding.proposal as unknown as Record<string, unknown>,
    scope: finding.scope,
    source: 'rules',
    provider: null,
    simulated: null,
    windowFrom: e.window.from,
    windowTo: e.window.to,
    experimentKey: null,
    promptName: null,
    promptVersion: null,
    note: null,
    createdAt: old?.createdAt ?? now,
    updatedAt: now,
    appliedAt: null,
    dismissedAt: null,
  }
}

async function latestWith(tx: Queryable, projectId: string, fingerprint: string) {
  return (await listRecommendations(tx, projectId, { fingerprint, limit: 50 })).sort(
    (a, b) => b.updatedAt - a.updatedAt,
  )[0]
}

/**
 * Runs every rule over a window of production traffic and stores what they find: a finding that
 * is already open is refreshed with the new figures, one applied or dismissed recently is left
 * alone, and open ones of the same slice that the data no longer supports are dismissed.
 */
export async function generateRecommendations(
  db: Db,
  projectId: string,
  o: GenerateOptions,
  now = Date.now(),
): Promise<GenerateResult> {
  const e = await gatherEvidence(db, projectId, o)
  const findings = RULES.flatMap((rule) => rule(e))
  const result: GenerateResult = {
    window: e.window,
    filter: e.filter,
    interactions: e.metrics.interactions,
    created: [],
    refreshed: [],
    snoozed: [],
    resolved: [],
  }
  await db.transaction(async (tx) => {
    await lockKeys(tx, [`recommendations:${projectId}`])
    const seen = new Set<string>()
    const save: StoredRecommendation[] = []
    for (const finding of findings) {
      const fingerprint = fingerprintOf(finding, e.filter)
      seen.add(fingerprint)
      const old = await latestWith(tx, projectId, fingerprint)
      if (old && old.status !== 'open' && now - old.updatedAt < SNOOZE_MS) {
        result.snoozed.push({ fingerprint, status: old.status })
        continue
      }
      const r = fromFinding(finding, e, fingerprint, now, old?.status === 'open' ? old : undefined)
      ;(old?.status === 'open' ? result.refreshed : result.created).push(r)
      save.push(r)
    }
    // Too little traffic says nothing about whether a problem is gone.
    const enough = e.metrics.interactions >= MIN_SAMPLE
    const stale = (
      enough ? await listRecommendations(tx, projectId, { status: 'open', limit: 500 }) : []
    ).filter(
      (r) =>
        r.source === 'rules' && r.fingerprint.endsWith(`:${sliceOf(e.filter)}`) && !seen.has(r.fingerprint),
    )
    for (const r of stale) {
      const note = `no longer seen in the data of ${new Date(e.window.from).toISOString()} – ${new Date(e.window.to).toISOString()}`
      const closed = { ...r, status: 'dismissed' as const, dismissedAt: now, updatedAt: now, note }
      result.resolved.push(closed)
      save.push(closed)
    }
    await saveRecommendations(tx, projectId, save)
  })
  return result
}
