import { createExperiment, ExperimentCreate, type ExperimentView } from '../experiments/index.js'
import {
  createPromptVersion,
  invalid,
  notFound,
  type PromptVersionView,
  resolvePromptVersion,
  ServiceError,
} from '../prompts/index.js'
import {
  type Db,
  getRecommendation,
  type PromptMessage,
  type StoredRecommendation,
  saveRecommendations,
} from '../store/index.js'
import { logAction } from './actions.js'
import type { Proposal } from './types.js'

export type ApplyOptions = {
  by: string | null
  /** Smallest relative change of the primary metric worth detecting (default 5 %). */
  minimumEffect?: number
  /** Share of traffic the candidate gets (default 0.5). */
  candidateShare?: number
}

export type ApplyResult = {
  recommendation: StoredRecommendation
  /** The new prompt version, for prompt and model proposals. */
  version: PromptVersionView | null
  experiment: ExperimentView | null
}

/** The system message with an instruction added, or replaced (a message is added when there is none). */
function withSystem(
  messages: readonly PromptMessage[],
  p: Extract<Proposal, { kind: 'prompt' }>,
): PromptMessage[] {
  const i = messages.findIndex((m) => m.role === 'system')
  const current = i >= 0 ? messages[i]!.content : ''
  if (p.instruction && current.includes(p.instruction))
    throw new ServiceError(
      'conflict',
      'already_applied',
      'the production prompt already has this instruction',
    )
  const content = p.systemPrompt ?? (current ? `${current.trimEnd()}\n\n${p.instruction}` : p.instruction!)
  if (i < 0) return [{ role: 'system', content }, ...messages]
  return messages.map((m, j) => (j === i ? { ...m, content } : m))
}

export const experimentKeyFor = (r: StoredRecommendation) =>
  `opt-${r.rule.replace(/_/g, '-')}-${r.id.slice(-8)}`

/**
 * Applies a recommendation. A prompt or model proposal becomes a new version of the production
 * prompt (the instruction added, or the other model) and a running experiment of it against the
 * production version, with always-valid (sequential) statistics because the optimization cycle
 * reads the results again and again. A manual proposal is only marked applied. Logged either way.
 */
export async function applyRecommendation(
  db: Db,
  projectId: string,
  id: string,
  o: ApplyOptions,
  now = Date.now(),
): Promise<ApplyResult> {
  const r = await getRecommendation(db, projectId, id)
  if (!r) throw notFound('recommendation', id)
  if (r.status !== 'open')
    throw new ServiceError(
      'conflict',
      'not_open',
      `recommendation ${id} is ${r.status}; only open ones can be applied`,
    )
  const proposal = r.proposal as unknown as Proposal
  if (proposal.kind === 'manual') {
    const applied = {
      ...r,
      status: 'applied' as const,
      appliedAt: now,
      updatedAt: now,
      note: 'marked as done (a change in the chatbot itself)',
    }
    await db.transaction(async (tx) => {
      await saveRecommendations(tx, projectId, [applied])
      await logAction(tx, projectId, {
        at: now, kind: 'apply', automatic: false, actor: o.by, recommendationId: id, experimentKey: null, promptName: null,
        label: null, fromVersion: null, toVersion: null, summary: `marked "${r.title}" as done`,
      }) // biome-ignore format: one entry
    })
    return { recommendation: applied, version: null, experiment: null }
  }
  const base = await resolvePromptVersion(db, projectId, proposal.promptName, { label: 'production' })
  const messages = proposal.kind === 'prompt' ? withSystem(base.messages, proposal) : base.messages
  const { version, created } = await createPromptVersion(
    db,
    projectId,
    proposal.promptName,
    {
      messages,
      ...(base.model !== null && { model: base.model }),
      ...(proposal.kind === 'model' && { model: proposal.to }),
      ...(base.temperature !== null && { temperature: base.temperature }),
      ...(base.maxTokens !== null && { maxTokens: base.maxTokens }),
      parameters: base.parameters,
      commitMessage: `${r.title} (chatlens recommendation ${r.id})`,
      author: 'chatlens optimizer',
    },
    o.by,
    now,
  )
  if (version.version === base.version)
    throw invalid('no_change', 'proposal', 'the proposal gives the production version back unchanged')
  const share = o.candidateShare ?? 0.5
  const experiment = await createExperiment(
    db,
    projectId,
    ExperimentCreate.parse({
      key: experimentKeyFor(r),
      name: r.title,
      description: `Opened by applying chatlens recommendation ${r.id} (${r.rule}): ${r.evidenceText}`,
      hypothesis: r.expectedEffect,
      variants: [
        { key: 'production', weight: 1 - share, prompt: { name: base.name, version: base.version } },
        { key: 'candidate', weight: share, prompt: { name: base.name, version: version.version } },
      ],
      control: 'production',
      primaryMetric: proposal.primaryMetric,
      settings: { sequential: true, minimumEffect: o.minimumEffect ?? 0.05 },
      start: true,
    }),
    o.by,
    now,
  )
  const applied: StoredRecommendation = {
    ...r,
    status: 'applied',
    appliedAt: now,
    updatedAt: now,
    experimentKey: experiment.key,
    promptName: version.name,
    promptVersion: version.version,
    note: `${created ? 'created' : 'reused'} ${version.name} v${version.version}; experiment ${experiment.key} against v${base.version}`,
  }
  await db.transaction(async (tx) => {
    await saveRecommendations(tx, projectId, [applied])
    await logAction(tx, projectId, {
      at: now, kind: 'apply', automatic: false, actor: o.by, recommendationId: id, experimentKey: experiment.key,
      promptName: version.name, label: null, fromVersion: base.version, toVersion: version.version,
      summary: `${version.name} v${version.version} (${r.title}) in experiment ${experiment.key} against production v${base.version}`,
      details: { rule: r.rule, proposal: r.proposal },
    }) // biome-ignore format: one entry
  })
  return { recommendation: applied, version, experiment }
}
