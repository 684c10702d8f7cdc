import type { SpanRollup, SpanRow, TraceRow } from '../store/index.js'

/** Prices usage and counts tokens; the ingest path gets one per project (its price overrides). */
export interface UsagePricer {
  costUsd(model: string, usage: UsageFigures): number | null
  /** Tokens in a stored JSON value (a string, chat messages, any JSON). */
  countTokens(json: string, model: string | null): number
}

export type UsageFigures = {
  inputTokens: number
  outputTokens: number
  cachedInputTokens: number
  reasoningTokens: number
}

const num = (v: unknown): number => (typeof v === 'number' ? v : 0)

function usageOf(row: TraceRow | SpanRow): UsageFigures {
  return {
    inputTokens: num(row.input_tokens),
    outputTokens: num(row.output_tokens),
    cachedInputTokens: num(row.cached_input_tokens),
    reasoningTokens: num(row.reasoning_tokens),
  }
}

/** Fills token counts the caller did not send (real tokenizer) and the total. */
function fillTokens(row: TraceRow | SpanRow, pricer: UsagePricer) {
  const model = row.model as string | null
  if (row.input_tokens === null && typeof row.input === 'string')
    row.input_tokens = pricer.countTokens(row.input, model)
  if (row.output_tokens === null && typeof row.output === 'string')
    row.output_tokens = pricer.countTokens(row.output, model)
  if (row.total_tokens === null && (row.input_tokens !== null || row.output_tokens !== null)) {
    row.total_tokens = num(row.input_tokens) + num(row.output_tokens)
  }
}

/** Tokens and cost of a span; cost sent by the caller wins over the price table. */
export function deriveSpan(row: SpanRow, costGiven: boolean, pricer: UsagePricer): void {
  if (row.kind !== 'generation' && row.model === null) return
  if (row.model !== null) fillTokens(row, pricer)
  else if (row.total_tokens === null && (row.input_tokens !== null || row.output_tokens !== null)) {
    row.total_tokens = num(row.input_tokens) + num(row.output_tokens)
  }
  if (!costGiven && row.model !== null && row.total_tokens !== null) {
    row.cost_usd = pricer.costUsd(row.model as string, usageOf(row))
  }
}

/**
 * What a trace takes from its spans: usage and cost (unless sent on the trace), model, time to
 * first token, end time and latency when it did not report them itself.
 */
export function deriveTrace(
  row: TraceRow,
  rollup: SpanRollup | undefined,
  firstModel: string | undefined,
  pricer: UsagePricer,
): void {
  if (row.model === null && firstModel) row.model = firstModel
  if (rollup) {
    if (rollup.first_start < row.timestamp) row.timestamp = rollup.first_start
    if (row.end_time === null && rollup.last_end !== null) {
      row.end_time = rollup.last_end
      if (row.latency_ms === null) row.latency_ms = Math.max(0, rollup.last_end - row.timestamp)
    }
    if (row.ttft_ms === null && rollup.first_token_at !== null) {
      row.ttft_ms = Math.max(0, rollup.first_token_at - row.timestamp)
    }
  }
  const spansHaveUsage = rollup && (rollup.total_tokens !== null || rollup.cost_usd !== null)
  if (row.usage_explicit === 0 && spansHaveUsage) {
    row.input_tokens = rollup.input_tokens
    row.output_tokens = rollup.output_tokens
    row.total_tokens = rollup.total_tokens
    row.cached_input_tokens = rollup.cached_input_tokens
    row.reasoning_tokens = rollup.reasoning_tokens
    row.cost_usd = rollup.cost_usd
    return
  }
  if (row.model === null) return
  fillTokens(row, pricer)
  if (row.cost_usd === null && row.total_tokens !== null)
    row.cost_usd = pricer.costUsd(row.model as string, usageOf(row))
}
