import { type Db, type ReviewRow, reviewCandidates } from '../../store/index.js'
import type { Window } from '../window.js'

/** Why a conversation is worth a person's time, with how much each reason weighs. */
export const REVIEW_REASONS = {
  toxic: { weight: 5, label: 'a response scored toxicity > 0.1' },
  unresolved: { weight: 3, label: 'the chatbot reported it unresolved' },
  low_quality: { weight: 3, label: 'mean quality < 0.6' },
  low_satisfaction: { weight: 3, label: 'user satisfaction < 0.4' },
  negative_sentiment: { weight: 2, label: 'mean sentiment < 0.4' },
  errors: { weight: 2, label: 'a turn failed' },
  low_relevance: { weight: 1, label: 'mean relevance < 0.5' },
} as const
export type ReviewReason = keyof typeof REVIEW_REASONS

export type ReviewItem = {
  sessionId: string
  startedAt: number
  userId: string | null
  bot: string | null
  turns: number
  errors: number
  resolved: boolean | null
  satisfaction: number | null
  qualityMean: number | null
  sentimentMean: number | null
  toxicityMax: number | null
  relevanceMean: number | null
  reasons: ReviewReason[]
  priority: number
}

const n = (v: unknown) => (v === null || v === undefined ? null : Number(v))

export function reasonsOf(r: ReviewRow): ReviewReason[] {
  const out: ReviewReason[] = []
  const below = (v: unknown, limit: number) => n(v) !== null && n(v)! < limit
  if ((n(r.toxicity_max) ?? 0) > 0.1) out.push('toxic')
  if (r.resolved !== null && Number(r.resolved) === 0) out.push('unresolved')
  if (below(r.quality_mean, 0.6)) out.push('low_quality')
  if (below(r.satisfaction, 0.4)) out.push('low_satisfaction')
  if (below(r.sentiment_mean, 0.4)) out.push('negative_sentiment')
  if (Number(r.errors) > 0) out.push('errors')
  if (below(r.relevance_mean, 0.5)) out.push('low_relevance')
  return out
}

/**
 * Conversations that need a human look (low quality, negative sentiment, toxic, failed or
 * unresolved), most urgent first: the sum of their reasons' weights, then the newest.
 */
export async function reviewQueue(
  db: Db,
  projectId: string,
  window: Window,
  o: { bot?: string; userId?: string; limit?: number } = {},
): Promise<{ total: number; items: ReviewItem[]; reasons: typeof REVIEW_REASONS }> {
  const rows = await reviewCandidates(db, projectId, window.from, window.to, o)
  const items: ReviewItem[] = []
  for (const r of rows) {
    const reasons = reasonsOf(r)
    if (reasons.length === 0) continue
    items.push({
      sessionId: r.id,
      startedAt: Number(r.started_at),
      userId: r.user_id,
      bot: r.bot,
      turns: Number(r.turns),
      errors: Number(r.errors),
      resolved: r.resolved === null ? null : Number(r.resolved) === 1,
      satisfaction: n(r.satisfaction),
      qualityMean: n(r.quality_mean),
      sentimentMean: n(r.sentiment_mean),
      toxicityMax: n(r.toxicity_max),
      relevanceMean: n(r.relevance_mean),
      reasons,
      priority: reasons.reduce((sum, k) => sum + REVIEW_REASONS[k].weight, 0),
    })
  }
  items.sort((a, b) => b.priority - a.priority || b.startedAt - a.startedAt)
  return { total: items.length, items: items.slice(0, o.limit ?? 50), reasons: REVIEW_REASONS }
}
