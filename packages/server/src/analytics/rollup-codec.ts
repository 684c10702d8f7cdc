import type {
  ConversationFigures,
  ConversationRollupRow,
  RollupGrain,
  TraceFigures,
  TraceRollupRow,
} from '../store/index.js'
import { addCount, type ConvAgg, emptyScoreAgg, type ScoreAgg, type TraceAgg } from './aggregate.js'
import { type Dims, dimText, numDim, textDim } from './dims.js'
import { getOrCreate } from './maps.js'
import type { Moments } from './moments.js'

type StoredScore = {
  n: number
  s: number
  q: number
  lo: number
  hi: number
  h8: number
  p6: number
  n4: number
  b: number[]
  l?: Record<string, number>
}
/** What a total row carries that dimension rows have in their key: categories and error types. */
type Breakdown = { c: Record<string, number>; e: Record<string, number> }

const num = (v: unknown) => Number(v ?? 0)
const finiteOrNull = (v: number) => (Number.isFinite(v) ? v : null)

function addMoments(
  into: Moments,
  n: unknown,
  sum: unknown,
  sumsq: unknown,
  min?: unknown,
  max?: unknown,
): void {
  const count = num(n)
  if (count === 0) return
  into.n += count
  into.sum += num(sum)
  into.sumsq += num(sumsq)
  if (min !== null && min !== undefined && Number(min) < into.min) into.min = Number(min)
  if (max !== null && max !== undefined && Number(max) > into.max) into.max = Number(max)
}

function dimColumns(d: Dims) {
  return {
    bot: dimText(d.bot),
    version: dimText(d.version),
    variant: dimText(d.variant),
    model: dimText(d.model),
    environment: dimText(d.environment),
    prompt_name: dimText(d.promptName),
    prompt_version: d.promptVersion ?? 0,
    category: dimText(d.category),
  }
}

export const NO_DIMS: Dims = {
  bot: null,
  version: null,
  variant: null,
  model: null,
  environment: null,
  promptName: null,
  promptVersion: null,
  category: null,
}

export function rowDims(r: TraceRollupRow | ConversationRollupRow): Dims {
  return {
    bot: textDim(r.bot),
    version: textDim(r.version),
    variant: textDim(r.variant),
    model: textDim(r.model),
    environment: textDim(r.environment),
    promptName: textDim(r.prompt_name),
    promptVersion: numDim(r.prompt_version),
    category: textDim(r.category),
  }
}

function encodeScores(scores: Map<string, ScoreAgg>): string {
  const out: Record<string, StoredScore> = {}
  for (const [name, a] of scores) {
    out[name] = {
      n: a.m.n, s: a.m.sum, q: a.m.sumsq, lo: finiteOrNull(a.m.min) ?? 0, hi: finiteOrNull(a.m.max) ?? 0,
      h8: a.atLeastHigh, p6: a.abovePositive, n4: a.belowNegative, b: a.bins,
      ...(Object.keys(a.labels).length ? { l: a.labels } : {}),
    } // biome-ignore format: compact record
  }
  return JSON.stringify(out)
}

function mergeStoredScores(into: Map<string, ScoreAgg>, json: string): void {
  for (const [name, s] of Object.entries(JSON.parse(json) as Record<string, StoredScore>)) {
    const a = getOrCreate(into, name, emptyScoreAgg)
    addMoments(a.m, s.n, s.s, s.q, s.lo, s.hi)
    a.atLeastHigh += s.h8
    a.abovePositive += s.p6
    a.belowNegative += s.n4
    for (let i = 0; i < s.b.length; i++) a.bins[i] = (a.bins[i] ?? 0) + s.b[i]!
    for (const [label, n] of Object.entries(s.l ?? {})) a.labels[label] = (a.labels[label] ?? 0) + n
  }
}

/** The error type column: '' for successful interactions. */
export const errorTypeColumn = (status: string, errorType: string | null) =>
  status === 'error' ? (errorType ?? 'unknown') : ''

export function traceAggToRow(
  projectId: string,
  hour: number,
  grain: RollupGrain,
  d: Dims,
  errorType: string,
  a: TraceAgg,
): TraceRollupRow {
  const breakdown: Breakdown | null =
    grain === 't' ? { c: Object.fromEntries(a.categories), e: Object.fromEntries(a.errorTypes) } : null
  return {
    project_id: projectId,
    hour,
    grain,
    ...dimColumns(d),
    error_type: errorType,
    traces: a.traces,
    errors: a.errors,
    scored: a.scored,
    latency_n: a.latency.n,
    latency_sum: a.latency.sum,
    latency_sumsq: a.latency.sumsq,
    latency_min: finiteOrNull(a.latency.min),
    latency_max: finiteOrNull(a.latency.max),
    latency_sketch: a.latencySketch.count ? a.latencySketch.encode() : null,
    ttft_n: a.ttft.n,
    ttft_sum: a.ttft.sum,
    ttft_sumsq: a.ttft.sumsq,
    ttft_min: finiteOrNull(a.ttft.min),
    ttft_max: finiteOrNull(a.ttft.max),
    ttft_sketch: a.ttftSketch.count ? a.ttftSketch.encode() : null,
    input_tokens: a.inputTokens,
    output_tokens: a.outputTokens,
    total_tokens: a.totalTokens,
    cost_n: a.cost.n,
    cost_sum: a.cost.sum,
    cost_sumsq: a.cost.sumsq,
    scores: encodeScores(a.scores),
    breakdown: breakdown && JSON.stringify(breakdown),
  }
}

/**
 * Adds a rollup row into an aggregate without building one per row (dashboards merge
 * hundreds). `withSketches: false` skips the sketches when no percentile is needed.
 */
export function mergeTraceRow(into: TraceAgg, r: TraceFigures, withSketches = true): void {
  const traces = num(r.traces)
  into.traces += traces
  into.errors += num(r.errors)
  into.scored += num(r.scored)
  addMoments(into.latency, r.latency_n, r.latency_sum, r.latency_sumsq, r.latency_min, r.latency_max)
  addMoments(into.ttft, r.ttft_n, r.ttft_sum, r.ttft_sumsq, r.ttft_min, r.ttft_max)
  if (withSketches) {
    into.latencySketch.mergeEncoded(r.latency_sketch as Buffer | null)
    into.ttftSketch.mergeEncoded(r.ttft_sketch as Buffer | null)
  }
  into.inputTokens += num(r.input_tokens)
  into.outputTokens += num(r.output_tokens)
  into.totalTokens += num(r.total_tokens)
  addMoments(into.cost, r.cost_n, r.cost_sum, r.cost_sumsq)
  mergeStoredScores(into.scores, String(r.scores))
  if (r.breakdown) {
    const b = JSON.parse(String(r.breakdown)) as Breakdown
    for (const [k, n] of Object.entries(b.c)) addCount(into.categories, k, n)
    for (const [k, n] of Object.entries(b.e)) addCount(into.errorTypes, k, n)
  } else {
    addCount(into.categories, String(r.category ?? ''), traces)
    if (num(r.errors) > 0) addCount(into.errorTypes, String(r.error_type || 'unknown'), num(r.errors))
  }
}

export function convAggToRow(
  projectId: string,
  hour: number,
  grain: RollupGrain,
  d: Dims,
  a: ConvAgg,
): ConversationRollupRow {
  return {
    project_id: projectId,
    hour,
    grain,
    ...dimColumns(d),
    conversations: a.conversations,
    turns_sum: a.turns.sum,
    turns_sumsq: a.turns.sumsq,
    turns_max: Number.isFinite(a.turns.max) ? a.turns.max : 0,
    ended: a.ended,
    with_errors: a.withErrors,
    resolved_known: a.resolvedKnown,
    resolved_yes: a.resolvedYes,
    satisfaction_n: a.satisfaction.n,
    satisfaction_sum: a.satisfaction.sum,
    satisfaction_sumsq: a.satisfaction.sumsq,
    cost_sum: a.cost,
    latency_sum: a.latency,
    stages: JSON.stringify(a.stages),
  }
}

export function mergeConvRow(into: ConvAgg, r: ConversationFigures): void {
  into.conversations += num(r.conversations)
  addMoments(into.turns, r.conversations, r.turns_sum, r.turns_sumsq, undefined, r.turns_max)
  into.ended += num(r.ended)
  into.withErrors += num(r.with_errors)
  into.resolvedKnown += num(r.resolved_known)
  into.resolvedYes += num(r.resolved_yes)
  addMoments(into.satisfaction, r.satisfaction_n, r.satisfaction_sum, r.satisfaction_sumsq)
  into.cost += num(r.cost_sum)
  into.latency += num(r.latency_sum)
  for (const [k, n] of Object.entries(JSON.parse(String(r.stages)) as Record<string, number>)) {
    into.stages[k] = (into.stages[k] ?? 0) + n
  }
}
