import type { EvalInput, EvalScore, HeuristicEvaluator } from '../evaluator.js'
import { analyze } from '../text/analysis.js'
import { clamp01, round3 } from './shared.js'

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>()"']+/g
const CITATION_RE = /\[\d{1,3}\]|\[(?:source|ref)\b[^\]]*\]|\((?:source|see|ref(?:erence)?)s?\b[^)]*\)/g
const SOURCE_CUE_RE =
  /\baccording to\b|\bas (?:stated|described|listed|documented|explained|shown|outlined|defined|specified|set out) (?:in|on|at|by)\b|\b(?:see|refer to) (?:section|clause|article|the|our|page)\b|\b(?:section|clause|article) \d|\bsources?:|\breferences?:|\bper (?:our|the) (?:policy|terms|documentation|sla|agreement|contract)\b|\b(?:our|the) (?:documentation|docs|help cent(?:re|er)|knowledge base|terms of (?:service|use)|privacy policy|refund policy|service level agreement|data processing agreement|pricing page|release notes)\b/g
const HEDGE_RE =
  /\b(?:might|perhaps|possibly|probably|maybe|presumably|supposedly|apparently|arguably|seemingly|likely|i think|i believe|i guess|i suppose|i assume|i'?m not (?:sure|certain)|not (?:entirely |really |100% )?sure|as far as i know|if i recall|if i remember|to my knowledge|it seems|seems? (?:to|like)|sort of|kind of|more or less|something like|or so|studies show|research shows|experts say)\b|\b(?:about|around|roughly|approximately|nearly|circa)\s+[$€£]?\d/g
/**
 * Things made of digits that are not claims: dates, times, versions and digit groups (phone,
 * order and card numbers). Identifiers glued to letters or dashes ("INV-2025", "GB82", "1Z999")
 * are kept out by FIGURE_RE's lookarounds.
 */
const NOT_A_FIGURE_RE =
  /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\b\d{1,2}:\d{2}\b|\b\d{1,2}\s?(?:am|pm)\b|\b\d+(?:\.\d+){2,}\b|\+?\(?\d{1,4}\)?(?:[\s.-]\(?\d{2,}\)?){2,}/g
const FIGURE_RE =
  /(?<![\w.-])[$€£]?\d+(?:[.,]\d+)*(?:\s?(?:%|percent\b|x\b|times\b|million\b|billion\b|thousand\b|k\b))?(?!-?[A-Za-z])/g
const YEAR_RE = /^(?:19|20)\d{2}$/

/** Score = 0.5 + sourcing bonus − hedging penalty − unsourced-figure penalty, clamped to 0..1. */
export const SOURCE_BONUS_MAX = 0.4
export const CONTEXT_BONUS_MAX = 0.15
export const HEDGE_PENALTY_MAX = 0.45
export const UNSOURCED_PENALTY_MAX = 0.2

const DIGIT_RE = /\d/
const count = (text: string, re: RegExp) => (text.match(re) ?? []).length
/** The patterns are global (for counting); .test() on a global pattern moves lastIndex. */
function resetLastIndex(): void {
  URL_RE.lastIndex = 0
  CITATION_RE.lastIndex = 0
  SOURCE_CUE_RE.lastIndex = 0
}

/**
 * Signals that a response's claims are supported: links, citation markers and references to a
 * policy or document raise it; hedging ("I think", "probably", "about 73%") and figures with no
 * source in their sentence or in the supplied context lower it. 0.5 means no signal either way.
 * This is not a fact check: a confidently cited falsehood still scores well.
 */
export function scoreSupportSignals(input: EvalInput): EvalScore {
  const text = input.response
  const sentences = analyze(text).segmentation.sentences
  const contextText = (input.context ?? []).join('\n')
  // The patterns are written in lower case and matched on lower-cased text: case-insensitive
  // regular expressions are markedly slower in V8.
  const lower = text.toLowerCase()
  const links = count(lower, URL_RE)
  const citations = count(lower, CITATION_RE)
  const cues = count(lower, SOURCE_CUE_RE)
  const hedges = count(lower, HEDGE_RE)
  let figures = 0
  let fromContext = 0
  let unsourced = 0
  if (DIGIT_RE.test(text)) {
    for (const s of sentences) {
      if (!DIGIT_RE.test(s.text)) continue
      resetLastIndex()
      const cited = URL_RE.test(s.text) || CITATION_RE.test(s.text) || SOURCE_CUE_RE.test(s.text)
      const claimText = s.text.replace(URL_RE, ' ').replace(CITATION_RE, ' ').replace(NOT_A_FIGURE_RE, ' ')
      for (const m of claimText.matchAll(FIGURE_RE)) {
        const digits = m[0].replace(/[^\d.,]/g, '')
        if (YEAR_RE.test(digits)) continue
        figures++
        if (
          contextText &&
          new RegExp(`(?<![\\d.])${digits.replace(/[.]/g, '\\.')}(?![\\d])`).test(contextText)
        )
          fromContext++
        else if (!cited) unsourced++
      }
    }
  }
  const n = Math.max(1, sentences.length)
  const sources = links + citations + cues
  const sourceBonus = SOURCE_BONUS_MAX * (1 - 0.5 ** sources)
  const contextBonus = figures > 0 ? CONTEXT_BONUS_MAX * (fromContext / figures) : 0
  const hedgePenalty = HEDGE_PENALTY_MAX * (1 - Math.exp(-hedges / n))
  const unsourcedPenalty = UNSOURCED_PENALTY_MAX * (1 - Math.exp(-unsourced / n))
  const value = round3(clamp01(0.5 + sourceBonus + contextBonus - hedgePenalty - unsourcedPenalty))

  const parts = [
    sources > 0 ? `${links} links, ${citations} citations, ${cues} source references` : 'no sources cited',
    figures > 0
      ? `${unsourced} of ${figures} figures without a source${fromContext ? ` (${fromContext} found in the context)` : ''}`
      : 'no figures',
    hedges > 0 ? `${hedges} hedges` : 'no hedging',
  ]
  return {
    name: 'support_signals',
    value,
    comment: `support_signals ${value} (signals only, not a fact check): ${parts.join('; ')}`,
    details: {
      links,
      citations,
      sourceReferences: cues,
      hedges,
      figures,
      figuresFromContext: fromContext,
      unsourcedFigures: unsourced,
    },
  }
}

export const supportSignalsEvaluator: HeuristicEvaluator = {
  name: 'support_signals',
  version: '1.0.0',
  kind: 'heuristic',
  needs: ['response', 'context'],
  evaluate: (input: EvalInput) => [scoreSupportSignals(input)],
}
