import type { EvalInput, EvalScore, HeuristicEvaluator } from '../evaluator.js'
import { analyze } from '../text/analysis.js'
import type { Word } from '../text/tokenize.js'
import { quote, round3 } from './shared.js'

const NEG_ABILITY =
  "(?:can(?:no|')?t|can not|(?:am |'m )?unable to|(?:am |'m )?not able to|won't be able to|will not be able to|(?:am |'m )?not allowed to|(?:am |'m )?not permitted to|must decline to|(?:do not|don't) have the ability to)"
const TASK_VERBS =
  '(?:help|assist|answer|provide|do|discuss|share|comply|fulfil+|support|complete|process|give|offer|look|access|check|change|write|create|tell|make|handle|see)'

/** Refusal phrases and how surely each marks a refusal on its own. Matched on lower-cased sentences. */
export const REFUSAL_PATTERNS: ReadonlyArray<{ re: RegExp; weight: number }> = [
  {
    re: new RegExp(`\\b${NEG_ABILITY} (?:help|assist|do (?:that|this)|comply|fulfil+ (?:that|this|your))`),
    weight: 0.95,
  },
  { re: /\bi must decline\b|\bi(?:'m| am)(?: going to)? have to decline\b/, weight: 0.9 },
  { re: new RegExp(`\\bi(?:'m| am)? ${NEG_ABILITY} ${TASK_VERBS}\\b`), weight: 0.85 },
  {
    re: /\b(?:against|violates?) (?:my|our|the) (?:guidelines|policy|policies|programming|rules|usage policy)\b/,
    weight: 0.85,
  },
  { re: /\bnot something i(?:'m able to| can)\b/, weight: 0.85 },
  { re: /\bas an ai\b/, weight: 0.8 },
  {
    re: /\b(?:outside|beyond) (?:of )?(?:my|the) (?:scope|capabilities|abilities)\b|\bfalls? outside (?:of )?what i can\b/,
    weight: 0.8,
  },
  { re: /\bi can only (?:help|assist|answer|discuss|talk)\b/, weight: 0.7 },
  {
    re: /\bi(?: do not|'m not|don't| am not) (?:have access|have the ability|able to access)\b/,
    weight: 0.6,
  },
  { re: /\bi(?:'m| am) (?:just |only )?an ai\b/, weight: 0.6 },
  { re: new RegExp(`\\bi ${NEG_ABILITY} \\w+`), weight: 0.55 },
  { re: /\b(?:contact|ask) someone else\b|\bi(?:'d| would) rather not\b/, weight: 0.5 },
]

/**
 * Every pattern above contains one of these words; a response without any of them skips the
 * sentence-by-sentence scan (most answers are not refusals). Checked per interned word, once.
 */
const REFUSAL_HINT_WORD_RE =
  /^(?:can't|cant|cannot|unable|allowed|permitted|decline|ability|against|violates?|ai|outside|beyond|rather)$/
/** Common words that hint at a refusal only after a particular word ("not able", "someone else"). */
const REFUSAL_HINT_PAIRS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['can', new Set(['not', 'only'])],
  ['not', new Set(['able', 'something'])],
  ['be', new Set(['able'])],
  ['have', new Set(['access'])],
  ['someone', new Set(['else'])],
])

const NO_HINT = 0
const HINT = 1
const PAIR_START = 2

function mayRefuse(words: readonly Word[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!
    if (w.refusalHint === undefined) {
      w.refusalHint = REFUSAL_HINT_WORD_RE.test(w.lower)
        ? HINT
        : REFUSAL_HINT_PAIRS.has(w.lower)
          ? PAIR_START
          : NO_HINT
    }
    if (w.refusalHint === HINT) return true
    const next = words[i + 1]
    if (w.refusalHint === PAIR_START && next && REFUSAL_HINT_PAIRS.get(w.lower)!.has(next.lower)) return true
  }
  return false
}
const NO_REFUSAL: EvalScore = {
  name: 'refusal',
  value: 0,
  comment: 'refusal 0 (higher = more clearly a refusal): no refusal phrases',
}

/** A sentence that tells the user what to do next ("Open Orders…", "Go to Settings > …"). */
const ACTIONABLE_RE =
  /^(?:please |then |first,? |instead,? |however,? )?(?:open|go|click|select|choose|use|try|reset|tell|send|check|enter|tap|visit|call|email|follow|sign|log|update|clear|restart|install|download|reply|start|find|add|remove|turn|switch|navigate|press|type|copy|request)\b|\b(?:go to|open|click|select|choose)\b.*|\s>\s/
/** A refusal followed by real help is a partial refusal: its score is scaled by this. */
const HELP_FOLLOWS_FACTOR = 0.6
/** Minimum weight even when the refusal is a small part of a long answer. */
const REFUSAL_SHARE_FLOOR = 0.4

/**
 * Refusal detection, 0..1: higher means the response more clearly declines to help. The strongest
 * refusal phrase sets the ceiling; it is scaled by the share of the answer the refusing sentences
 * take up, and reduced when the rest of the answer gives actionable help ("I can't change the
 * username, but you can change your display name in Account > Profile").
 */
export function scoreRefusal(response: string): EvalScore {
  const a = analyze(response)
  if (!mayRefuse(a.wordList)) return { ...NO_REFUSAL }
  const sentences = a.segmentation.sentences
  let best = 0
  let bestSentence = ''
  let refusalWords = 0
  let totalWords = 0
  let actionable = false
  for (const [i, s] of sentences.entries()) {
    const text = s.text.toLowerCase().replaceAll('’', "'")
    const n = a.sentenceWords[i]!
    totalWords += n
    const weight = Math.max(0, ...REFUSAL_PATTERNS.filter((p) => p.re.test(text)).map((p) => p.weight))
    if (weight > 0) {
      refusalWords += n
      if (weight > best) [best, bestSentence] = [weight, s.text]
    } else if (s.kind === 'list' || ACTIONABLE_RE.test(text)) actionable = true
  }
  if (best === 0) return { ...NO_REFUSAL }
  const share = totalWords === 0 ? 1 : refusalWords / totalWords
  const value = round3(
    best * (REFUSAL_SHARE_FLOOR + (1 - REFUSAL_SHARE_FLOOR) * share) * (actionable ? HELP_FOLLOWS_FACTOR : 1),
  )
  const partial = actionable ? ', followed by actionable help' : ''
  return {
    name: 'refusal',
    value,
    comment: `refusal ${value} (higher = more clearly a refusal): ${quote(bestSentence, 60)}${partial}`,
    details: { strongestPattern: best, refusalShare: round3(share), helpFollows: actionable },
  }
}

export const refusalEvaluator: HeuristicEvaluator = {
  name: 'refusal',
  version: '1.0.0',
  kind: 'heuristic',
  needs: ['response'],
  evaluate: (input: EvalInput) => [scoreRefusal(input.response)],
}
