import { FIELD_SEP, RECORD_SEP, type SessionFact, type TraceFact } from '../store/index.js'
import { addCount, addScoreValue, type ConvAgg, emptyScoreAgg, type TraceAgg } from './aggregate.js'
import type { Dims } from './dims.js'
import { getOrCreate } from './maps.js'
import { addValue } from './moments.js'
import { CATEGORY_SCORE } from './thresholds.js'

export type FactScore = { name: string; value: number | null; label: string | null }

/** Unpacks a trace fact's scores column (oldest first). */
/** The tags of a trace from its JSON column; none when it is missing or unreadable. */
export function tagsOf(json: string | null): string[] {
  try {
    const v = json ? JSON.parse(json) : []
    return Array.isArray(v) ? v.map(String) : []
  } catch {
    return []
  }
}

export function parseScores(packed: string | null): FactScore[] {
  if (!packed) return []
  return packed.split(RECORD_SEP).map((record) => {
    const [name = '', value = '', label = ''] = record.split(FIELD_SEP)
    const v = value === '' ? null : Number(value)
    return { name, value: v !== null && Number.isFinite(v) ? v : null, label: label === '' ? null : label }
  })
}

/** The judge's query category: the latest categorical "category" score. */
export function categoryOf(scores: readonly FactScore[]): string | null {
  let category: string | null = null
  for (const s of scores) if (s.name === CATEGORY_SCORE && s.label !== null) category = s.label
  return category
}

export function traceDims(f: TraceFact, category: string | null): Dims {
  return {
    bot: f.bot,
    version: f.version,
    variant: f.variant,
    model: f.model,
    environment: f.environment,
    promptName: f.prompt_name,
    promptVersion: f.prompt_version === null ? null : Number(f.prompt_version),
    category,
  }
}

/** Adds one interaction: status, latency, time to first token, usage, cost and its scores. */
export function addTraceFact(
  a: TraceAgg,
  f: TraceFact,
  scores: readonly FactScore[],
  category: string | null,
): void {
  a.traces += 1
  if (f.status === 'error') {
    a.errors += 1
    addCount(a.errorTypes, f.error_type ?? 'unknown', 1)
  }
  if (f.latency_ms !== null) {
    addValue(a.latency, Number(f.latency_ms))
    a.latencySketch.add(Number(f.latency_ms))
  }
  if (f.ttft_ms !== null) {
    addValue(a.ttft, Number(f.ttft_ms))
    a.ttftSketch.add(Number(f.ttft_ms))
  }
  a.inputTokens += Number(f.input_tokens ?? 0)
  a.outputTokens += Number(f.output_tokens ?? 0)
  a.totalTokens += Number(f.total_tokens ?? 0)
  if (f.cost_usd !== null) addValue(a.cost, Number(f.cost_usd))
  addCount(a.categories, category ?? '', 1)
  if (scores.length > 0) a.scored += 1
  for (const s of scores) {
    const agg = getOrCreate(a.scores, s.name, emptyScoreAgg)
    if (s.value !== null) addScoreValue(agg, s.value)
    else if (s.label !== null) agg.labels[s.label] = (agg.labels[s.label] ?? 0) + 1
  }
}

/** A conversation's dimensions are its first turn's (the session's own bot and environment otherwise). */
export function sessionDims(f: SessionFact): Dims {
  return {
    bot: f.bot ?? f.s_bot,
    version: f.version,
    variant: f.variant,
    model: f.model,
    environment: f.environment ?? f.s_environment,
    promptName: f.prompt_name,
    promptVersion: f.prompt_version === null ? null : Number(f.prompt_version),
    category: f.category,
  }
}

/**
 * Satisfaction of a conversation: what the chatbot reported on the session, else the mean of its
 * users' feedback (satisfaction, else rating 1–5 as 0..1, else thumbs as 1/0), else unknown.
 */
export function satisfactionOf(
  f: SessionFact,
  feedback: { n: number; sum: number } | undefined,
): number | null {
  if (f.satisfaction !== null) return Number(f.satisfaction)
  return feedback && feedback.n > 0 ? feedback.sum / feedback.n : null
}

export function addSessionFact(a: ConvAgg, f: SessionFact, satisfaction: number | null): void {
  const turns = Number(f.turns)
  a.conversations += 1
  addValue(a.turns, turns)
  if (f.ended_at !== null) a.ended += 1
  if (Number(f.errors ?? 0) > 0) a.withErrors += 1
  if (f.resolved !== null) {
    a.resolvedKnown += 1
    if (Number(f.resolved) === 1) a.resolvedYes += 1
  }
  if (satisfaction !== null) addValue(a.satisfaction, satisfaction)
  a.cost += Number(f.cost ?? 0)
  a.latency += Number(f.latency ?? 0)
  if (f.stage) a.stages[f.stage] = (a.stages[f.stage] ?? 0) + 1
}
