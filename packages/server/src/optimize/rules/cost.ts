import { RECOMMENDATION_LIMITS } from '../../analytics/report/recommendations.js'
import type { Evidence, Group } from '../evidence.js'
import { type Finding, MIN_SAMPLE, type Proposal, pct, type Rule, round, usd } from '../types.js'
import { type Alternative, cheaperAlternatives, tokenMix } from './models.js'

/** Observed quality may be this much lower and still count as "the same". */
export const SIMILAR_QUALITY_DELTA = 0.02

function proposalFor(e: Evidence, from: string, to: string): Proposal {
  if (!e.prompt)
    return {
      kind: 'manual',
      steps: [
        `Run an A/B experiment with ${to} instead of ${from}; put the prompt in the registry so chatlens can set it up.`,
      ],
    }
  return { kind: 'model', promptName: e.prompt.name, from, to, primaryMetric: 'cost_usd' }
}

/** A cheaper model seen in the traffic with the same quality, else the dearest 30 %-cheaper one of the price table. */
function pick(e: Evidence, dear: Group, alternatives: Alternative[]) {
  const quality = dear.metrics.quality.mean
  const seen = alternatives.find((a) => {
    const g = e.byModel.find((x) => x.key !== null && (x.key === a.model || x.key.endsWith(`/${a.model}`)))
    return (
      g &&
      g.metrics.quality.n >= MIN_SAMPLE &&
      quality !== null &&
      (g.metrics.quality.mean ?? 0) >= quality - SIMILAR_QUALITY_DELTA
    )
  })
  return seen
    ? { alternative: seen, observed: true }
    : alternatives[0]
      ? { alternative: alternatives[0], observed: false }
      : null
}

/**
 * The model that costs the most → a model of the same vendor at most 70 % of its price for the
 * same tokens, proposed as an experiment (quality is a guardrail, so it ships only if quality
 * holds). Fires when conversations cost more than the limit, or when the cheaper model is
 * already in the traffic with the same quality.
 */
export const cheaperModel: Rule = (e) => {
  const models = e.byModel.filter(
    (g) => g.key && g.metrics.interactions >= MIN_SAMPLE && g.metrics.cost.totalUsd > 0,
  )
  const dear = [...models].sort((a, b) => b.metrics.cost.totalUsd - a.metrics.cost.totalUsd)[0]
  const mix = dear && tokenMix(dear.metrics)
  if (!dear?.key || !mix) return []
  const choice = pick(e, dear, cheaperAlternatives(dear.key, mix))
  const perConversation = e.metrics.cost.perConversationUsd
  const costly = perConversation !== null && perConversation > RECOMMENDATION_LIMITS.costPerConversationUsd
  if (!choice || (!costly && !choice.observed)) return []
  const { alternative: alt, observed } = choice
  const current = dear.metrics.cost.perInteractionUsd!
  const share = dear.metrics.cost.totalUsd / Math.max(e.metrics.cost.totalUsd, Number.EPSILON)
  const finding: Finding = {
    rule: 'cheaper_model',
    scopeKey: `${dear.key}->${alt.model}`,
    scope: { ...e.filter, model: dear.key },
    priority: costly ? 'high' : 'low',
    title: `Try ${alt.model} instead of ${dear.key}`,
    evidence: {
      model: dear.key,
      costPerInteractionUsd: round(current, 6),
      costShare: round(share),
      costPerConversationUsd: round(perConversation, 5),
      qualityMean: round(dear.metrics.quality.mean),
      candidate: alt.model,
      candidateCostPerInteractionUsd: round(alt.costPerInteraction, 6),
      priceRatio: round(alt.ratio, 3),
    },
    evidenceText:
      `${dear.key} answers ${dear.metrics.interactions} interactions for ${pct(share)} of the cost (${usd(current)} each` +
      `${perConversation !== null ? `, ${usd(perConversation)} per conversation` : ''}); ${alt.model} is billed ${pct(alt.ratio)} of that for the same tokens` +
      (observed ? ' and already answers with the same quality here' : ' (price table)'),
    action: `Run an A/B experiment moving ${dear.key} traffic to ${alt.model}; ship it only if quality holds.`,
    expectedEffect: `Cost per interaction about ${pct(1 - alt.ratio)} lower (${usd(current)} → ${usd(alt.costPerInteraction)}) at the same token counts, with quality held by the experiment's guardrail.`,
    effort: 'low',
    proposal: proposalFor(e, dear.key, alt.model),
  }
  return [finding]
}
