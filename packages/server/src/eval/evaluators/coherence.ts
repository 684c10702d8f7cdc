import type { EvalInput, EvalScore, HeuristicEvaluator } from '../evaluator.js'
import { analyze } from '../text/analysis.js'
import {
  coefficientOfVariation,
  fewFunctionWords,
  garbledTokens,
  type Issue,
  lowercaseStarts,
  punctuationRuns,
  repeatedSentences,
  repeatedTrigrams,
  sentenceShape,
  stutter,
  truncation,
} from './coherence-checks.js'
import { round3 } from './shared.js'

/** Very uneven sentence lengths (a one-word line next to a 60-word one) cost a little. */
const UNEVEN_LENGTHS_CV = 1.2
const UNEVEN_LENGTHS_FACTOR = 0.9

/**
 * Coherence from sentence structure alone: repetition (sentences, trigrams, doubled words),
 * garbled or telegraphic text, capitalisation, punctuation, sentence length and its variance, and
 * signs of truncation. Higher is better; the product's default alert fires below 0.6.
 */
export function scoreCoherence(response: string): EvalScore {
  const a = analyze(response)
  if (a.wordList.length === 0)
    return { name: 'coherence', value: 0, comment: 'coherence 0: the response has no words' }
  const { sentences, unclosedCodeFence } = a.segmentation
  const prose = sentences.filter((s) => s.kind === 'prose')
  const lengths = a.sentenceWords.filter((_, i) => sentences[i]!.kind === 'prose')
  const cv = coefficientOfVariation(lengths)

  const issues: Issue[] = [
    repeatedSentences(sentences),
    repeatedTrigrams(a.wordList),
    stutter(a.wordList),
    garbledTokens(response, a.wordList),
    fewFunctionWords(a.wordList, a.terms.length),
    lowercaseStarts(prose),
    truncation(response, sentences.at(-1), unclosedCodeFence),
    punctuationRuns(response),
    ...sentenceShape(prose, lengths),
    prose.length >= 3 && cv > UNEVEN_LENGTHS_CV
      ? {
          name: 'uneven_lengths',
          factor: UNEVEN_LENGTHS_FACTOR,
          note: `sentence length varies a lot (CV ${round3(cv)})`,
        }
      : null,
  ].filter((i): i is Issue => i !== null)

  const value = round3(issues.reduce((v, i) => v * i.factor, 1))
  const mean = lengths.length ? lengths.reduce((x, y) => x + y, 0) / lengths.length : 0
  const shape = `${sentences.length} sentences, ${Math.round(mean)} words on average`
  const worst = [...issues].sort((x, y) => x.factor - y.factor).slice(0, 3)
  const comment = worst.length
    ? `coherence ${value}: ${worst.map((i) => i.note).join('; ')} (${shape})`
    : `coherence ${value}: well-formed (${shape})`
  const details = {
    sentences: sentences.length,
    words: a.wordList.length,
    meanSentenceWords: round3(mean),
    sentenceLengthCv: round3(cv),
    issues: Object.fromEntries(issues.map((i) => [i.name, round3(i.factor)])),
  }
  return { name: 'coherence', value, comment, details }
}

export const coherenceEvaluator: HeuristicEvaluator = {
  name: 'coherence',
  version: '1.0.0',
  kind: 'heuristic',
  needs: ['response'],
  evaluate: (input: EvalInput) => [scoreCoherence(input.response)],
}
