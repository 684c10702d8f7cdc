import type { EvalInput, EvalScore, HeuristicEvaluator } from '../evaluator.js'
import { analyze, contentTerms } from '../text/analysis.js'
import type { CorpusStats } from '../text/corpus-stats.js'
import { classifyQuery } from '../text/query-kind.js'
import { RELEVANCE_CALIBRATION, type RelevanceCalibration } from './relevance-calibration.js'
import { round3 } from './shared.js'

/** Share of the raw similarity that comes from the TF-IDF cosine; the rest is query coverage. */
export const RELEVANCE_COSINE_WEIGHT = 0.5
/** A follow-up with fewer content terms than this borrows the previous user turn's terms. */
const FOLLOW_UP_MAX_TERMS = 2
const FOLLOW_UP_TERM_WEIGHT = 0.5

export type RelevanceOptions = { cosineWeight?: number; calibration?: RelevanceCalibration }
export type RelevanceSignals = {
  cosine: number
  coverage: number
  raw: number
  matched: string[]
  missing: string[]
}

/**
 * Raw query-response similarity: a blend of the TF-IDF cosine (sublinear term frequency, IDF from
 * the project's corpus, uniform weights without one) and the IDF-weighted share of query terms the
 * response contains. Cosine alone punishes long answers, because every extra sentence lengthens
 * the response vector; coverage alone ignores what else the response talks about.
 */
export function relevanceSignals(
  input: EvalInput,
  cosineWeight = RELEVANCE_COSINE_WEIGHT,
): RelevanceSignals | null {
  const query = queryTermWeights(input)
  if (query.size === 0) return null
  const response = analyze(input.response).termCounts
  const w = (t: string) => idfWeight(input.corpus, t)

  let dot = 0
  let qNorm = 0
  let covered = 0
  let total = 0
  const matched: string[] = []
  const missing: string[] = []
  for (const [term, { tf, weight }] of query) {
    const idf = w(term)
    const qv = (1 + Math.log(tf)) * idf * weight
    qNorm += qv * qv
    total += idf * weight
    const rtf = response.get(term)
    if (rtf === undefined) {
      missing.push(term)
      continue
    }
    dot += qv * (1 + Math.log(rtf)) * idf
    covered += idf * weight
    matched.push(term)
  }
  let rNorm = 0
  for (const [term, tf] of response) {
    const rv = (1 + Math.log(tf)) * w(term)
    rNorm += rv * rv
  }
  const cosine = rNorm === 0 ? 0 : dot / Math.sqrt(qNorm * rNorm)
  const coverage = covered / total
  return { cosine, coverage, raw: cosineWeight * cosine + (1 - cosineWeight) * coverage, matched, missing }
}

/** "how long", "how much": the second word asks the question, it is not the topic. */
const INTERROGATIVE_AFTER_HOW = new Set(['long', 'much', 'many', 'often', 'soon', 'far'])

function queryTerms(query: string): string[] {
  const lower = analyze(query).lower
  const kept = lower.filter((w, i) => !(i > 0 && lower[i - 1] === 'how' && INTERROGATIVE_AFTER_HOW.has(w)))
  return kept.length === lower.length ? analyze(query).terms : contentTerms(kept)
}

function idfWeight(corpus: CorpusStats | undefined, term: string): number {
  return corpus ? corpus.weight(term) : 1
}

function queryTermWeights(input: EvalInput): Map<string, { tf: number; weight: number }> {
  const out = new Map<string, { tf: number; weight: number }>()
  const add = (terms: readonly string[], weight: number) => {
    for (const t of terms) {
      const e = out.get(t)
      if (e) e.tf++
      else out.set(t, { tf: 1, weight })
    }
  }
  add(queryTerms(input.query), 1)
  if (out.size < FOLLOW_UP_MAX_TERMS && input.history) {
    const previous = input.history.findLast((turn) => turn.role === 'user' && turn.content !== input.query)
    if (previous) add(analyze(previous.content).terms, FOLLOW_UP_TERM_WEIGHT)
  }
  return out
}

export const createRelevanceEvaluator = ({
  cosineWeight = RELEVANCE_COSINE_WEIGHT,
  calibration = RELEVANCE_CALIBRATION,
}: RelevanceOptions = {}): HeuristicEvaluator => ({
  name: 'relevance',
  version: '1.0.0',
  kind: 'heuristic',
  needs: ['query', 'response', 'history'],
  evaluate: function relevance(input: EvalInput): EvalScore[] {
    if (classifyQuery(input.query) === 'greeting') {
      return [
        {
          name: 'relevance',
          value: null,
          comment: 'not scored: the query is small talk (greeting or thanks)',
        },
      ]
    }
    const s = relevanceSignals(input, cosineWeight)
    if (!s) return [{ name: 'relevance', value: null, comment: 'not scored: the query has no content words' }]
    const value = round3(1 / (1 + Math.exp(-(calibration.slope * s.raw + calibration.intercept))))
    const n = s.matched.length + s.missing.length
    const comment =
      s.matched.length === 0
        ? `relevance ${value}: the response shares none of the query's ${n} content terms`
        : `relevance ${value}: the response covers ${s.matched.length} of ${n} query terms (${s.matched.slice(0, 4).join(', ')}), cosine ${round3(s.cosine)}`
    const details = {
      cosine: round3(s.cosine),
      coverage: round3(s.coverage),
      raw: round3(s.raw),
      matchedTerms: s.matched,
      missingTerms: s.missing,
      corpusDocuments: input.corpus?.documentCount ?? 0,
    }
    return [{ name: 'relevance', value, comment, details }]
  },
})

export const relevanceEvaluator = createRelevanceEvaluator()
