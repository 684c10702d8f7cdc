import { RECOMMENDATION_LIMITS } from '../../analytics/report/recommendations.js'
import type { Evidence } from '../evidence.js'
import { type Finding, MIN_SAMPLE, type Proposal, pct, type Rule, round } from '../types.js'

const QUALITY_METRIC = 'score:quality:heuristic'

/** What the system prompt is told for a category whose answers score low. */
export const CATEGORY_INSTRUCTIONS: Record<string, string> = {
  billing:
    'For billing questions (charges, invoices, refunds of money, subscriptions), state the exact amounts, dates and policy that apply, and give the concrete next step in Account → Billing.',
  support:
    'For support requests (orders, shipping, returns, account access), give the specific steps and the facts from our policies (times, limits, where to click), not general advice.',
  product:
    'For product questions (features, plans, how it works), name the specific features, plans and prices accurately.',
  general:
    'Answer greetings and general questions briefly and warmly, and say which topics you can help with.',
}
/**
 * Categories whose right answer scores low on the heuristics by design: a polite refusal of an
 * off-topic or abusive query. Tuning the prompt for them would chase the metric, not quality.
 */
const NOT_TUNED = new Set(['off_topic'])

export const GENERAL_INSTRUCTION =
  'Give specific, accurate answers with the facts from our policies and a concrete next step; never reply with a vague answer.'

function proposalFor(e: Evidence, instruction: string): Proposal {
  if (!e.prompt)
    return {
      kind: 'manual',
      steps: [
        `Add to the chatbot's system prompt: "${instruction}"`,
        'Put the system prompt in the prompt registry (label production) so chatlens can test such changes in an experiment for you.',
      ],
    }
  return { kind: 'prompt', promptName: e.prompt.name, instruction, primaryMetric: QUALITY_METRIC }
}

const low = (q: { mean: number | null; highShare: number | null }) =>
  q.mean !== null &&
  (q.mean < RECOMMENDATION_LIMITS.qualityMean || (q.highShare ?? 1) < RECOMMENDATION_LIMITS.highQualityShare)

/** What the finding aims for: the limit it fell below (mean first, else the high-quality share). */
function target(q: { mean: number | null; highShare: number | null }, of: string): string {
  if (q.mean !== null && q.mean < RECOMMENDATION_LIMITS.qualityMean) {
    return `Mean quality${of} from ${q.mean.toFixed(2)} to at least ${RECOMMENDATION_LIMITS.qualityMean}`
  }
  return `High-quality share${of} from ${pct(q.highShare ?? 0)} to at least ${pct(RECOMMENDATION_LIMITS.highQualityShare)}`
}

/**
 * Low answer quality in a query category → tune the prompt for that category (one finding per
 * category). Without categories (no judge ran), low quality overall → tune the prompt as a whole.
 */
export const lowQuality: Rule = (e) => {
  const overall = e.metrics.quality
  const findings: Finding[] = []
  for (const g of e.byCategory) {
    const q = g.metrics.quality
    const category = g.key
    if (!category || NOT_TUNED.has(category) || q.n < MIN_SAMPLE || !low(q)) continue
    const instruction = CATEGORY_INSTRUCTIONS[category] ?? GENERAL_INSTRUCTION
    findings.push({
      rule: 'low_quality_category',
      scopeKey: category,
      scope: { ...e.filter, category },
      priority: q.mean! < 0.6 ? 'high' : 'medium',
      title: `Tune the prompt for ${category.replace('_', '-')} questions`,
      evidence: {
        category,
        qualityMean: round(q.mean),
        highQualityShare: round(q.highShare),
        evaluated: q.n,
        overallQualityMean: round(overall.mean),
      },
      evidenceText: `${category} answers: mean quality ${q.mean!.toFixed(2)} (project ${overall.mean?.toFixed(2) ?? 'n/a'}), ${pct(q.highShare ?? 0)} high-quality, over ${q.n} evaluated answers`,
      action: `Add an instruction for ${category} questions to the system prompt and test it against production.`,
      expectedEffect: `${target(q, ` of ${category} answers`)}; the experiment ships it only if quality rises significantly and no guardrail breaks.`,
      effort: 'low',
      proposal: proposalFor(e, instruction),
    })
  }
  if (findings.length || overall.n < MIN_SAMPLE || !low(overall)) return findings
  return [
    {
      rule: 'low_quality',
      scopeKey: 'all',
      scope: { ...e.filter },
      priority: overall.mean! < 0.6 ? 'high' : 'medium',
      title: 'Tune the prompt: answer quality is low',
      evidence: {
        qualityMean: round(overall.mean),
        highQualityShare: round(overall.highShare),
        evaluated: overall.n,
      },
      evidenceText: `mean quality ${overall.mean!.toFixed(2)}, ${pct(overall.highShare ?? 0)} high-quality, over ${overall.n} evaluated answers`,
      action: 'Ask for specific, accurate answers in the system prompt and test it against production.',
      expectedEffect: `${target(overall, '')}, shipped only if the experiment shows it.`,
      effort: 'low',
      proposal: proposalFor(e, GENERAL_INSTRUCTION),
    },
  ]
}
