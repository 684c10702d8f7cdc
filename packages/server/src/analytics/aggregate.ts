import { getOrCreate } from './maps.js'
import { addValue, emptyMoments, type Moments, mergeMoments } from './moments.js'
import { Sketch } from './sketch.js'
import {
  HIGH_QUALITY_MIN,
  SCORE_BINS,
  SENTIMENT_NEGATIVE_BELOW,
  SENTIMENT_POSITIVE_ABOVE,
} from './thresholds.js'

/** One score name over many interactions: moments, threshold counts, a histogram, labels. */
export type ScoreAgg = {
  m: Moments
  /** Values ≥ 0.8, > 0.6 and < 0.4 (high quality; positive and negative sentiment). */
  atLeastHigh: number
  abovePositive: number
  belowNegative: number
  bins: number[]
  /** Categorical values and how often each was given. */
  labels: Record<string, number>
}

/** Everything the metrics need about a set of interactions (traces). */
export type TraceAgg = {
  traces: number
  errors: number
  /** Interactions with at least one score (evaluated). */
  scored: number
  latency: Moments
  latencySketch: Sketch
  ttft: Moments
  ttftSketch: Sketch
  inputTokens: number
  outputTokens: number
  totalTokens: number
  cost: Moments
  scores: Map<string, ScoreAgg>
  errorTypes: Map<string, number>
  categories: Map<string, number>
}

/** Everything the metrics need about a set of conversations (sessions). */
export type ConvAgg = {
  conversations: number
  turns: Moments
  ended: number
  withErrors: number
  resolvedKnown: number
  resolvedYes: number
  satisfaction: Moments
  cost: number
  latency: number
  stages: Record<string, number>
}

export type Agg = { t: TraceAgg; c: ConvAgg }

export const emptyScoreAgg = (): ScoreAgg => ({
  m: emptyMoments(),
  atLeastHigh: 0,
  abovePositive: 0,
  belowNegative: 0,
  bins: new Array(SCORE_BINS).fill(0),
  labels: {},
})

export const emptyTraceAgg = (): TraceAgg => ({
  traces: 0,
  errors: 0,
  scored: 0,
  latency: emptyMoments(),
  latencySketch: new Sketch(),
  ttft: emptyMoments(),
  ttftSketch: new Sketch(),
  inputTokens: 0,
  outputTokens: 0,
  totalTokens: 0,
  cost: emptyMoments(),
  scores: new Map(),
  errorTypes: new Map(),
  categories: new Map(),
})

export const emptyConvAgg = (): ConvAgg => ({
  conversations: 0,
  turns: emptyMoments(),
  ended: 0,
  withErrors: 0,
  resolvedKnown: 0,
  resolvedYes: 0,
  satisfaction: emptyMoments(),
  cost: 0,
  latency: 0,
  stages: {},
})

export const emptyAgg = (): Agg => ({ t: emptyTraceAgg(), c: emptyConvAgg() })

export function addScoreValue(a: ScoreAgg, value: number): void {
  addValue(a.m, value)
  if (value >= HIGH_QUALITY_MIN) a.atLeastHigh += 1
  if (value > SENTIMENT_POSITIVE_ABOVE) a.abovePositive += 1
  if (value < SENTIMENT_NEGATIVE_BELOW) a.belowNegative += 1
  const bin = Math.min(SCORE_BINS - 1, Math.max(0, Math.floor(value * SCORE_BINS)))
  a.bins[bin]! += 1
}

export function mergeScoreAgg(into: ScoreAgg, a: ScoreAgg): void {
  mergeMoments(into.m, a.m)
  into.atLeastHigh += a.atLeastHigh
  into.abovePositive += a.abovePositive
  into.belowNegative += a.belowNegative
  for (let i = 0; i < SCORE_BINS; i++) into.bins[i]! += a.bins[i] ?? 0
  for (const [label, n] of Object.entries(a.labels)) into.labels[label] = (into.labels[label] ?? 0) + n
}

const addCount = (m: Map<string, number>, key: string, n: number) => m.set(key, (m.get(key) ?? 0) + n)

export function mergeTraceAgg(into: TraceAgg, a: TraceAgg): void {
  into.traces += a.traces
  into.errors += a.errors
  into.scored += a.scored
  mergeMoments(into.latency, a.latency)
  into.latencySketch.merge(a.latencySketch)
  mergeMoments(into.ttft, a.ttft)
  into.ttftSketch.merge(a.ttftSketch)
  into.inputTokens += a.inputTokens
  into.outputTokens += a.outputTokens
  into.totalTokens += a.totalTokens
  mergeMoments(into.cost, a.cost)
  for (const [name, s] of a.scores) {
    mergeScoreAgg(getOrCreate(into.scores, name, emptyScoreAgg), s)
  }
  for (const [k, n] of a.errorTypes) addCount(into.errorTypes, k, n)
  for (const [k, n] of a.categories) addCount(into.categories, k, n)
}

export function mergeConvAgg(into: ConvAgg, a: ConvAgg): void {
  into.conversations += a.conversations
  mergeMoments(into.turns, a.turns)
  into.ended += a.ended
  into.withErrors += a.withErrors
  into.resolvedKnown += a.resolvedKnown
  into.resolvedYes += a.resolvedYes
  mergeMoments(into.satisfaction, a.satisfaction)
  into.cost += a.cost
  into.latency += a.latency
  for (const [k, n] of Object.entries(a.stages)) into.stages[k] = (into.stages[k] ?? 0) + n
}

export function mergeAgg(into: Agg, a: Agg): void {
  mergeTraceAgg(into.t, a.t)
  mergeConvAgg(into.c, a.c)
}

export { addCount }
