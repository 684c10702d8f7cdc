import type { ChatResult } from '../../llm/provider.js'
import type { EvalScore } from '../evaluator.js'

/**
 * Tokens the judge itself spent, summed over its attempts. `estimated` is true when an attempt
 * was billed but its usage never reached us (an endpoint answering invalid JSON to a JSON
 * request is rejected by the provider without usage): its input tokens were then counted with
 * the tokenizer and its output tokens are missing, so the true figure is somewhat higher.
 */
export type JudgeUsage = {
  inputTokens: number
  outputTokens: number
  cachedInputTokens: number
  reasoningTokens: number
  estimated: boolean
}

export type JudgeFailureKind = 'invalid_output' | 'provider' | 'timeout'

type JudgeCall = {
  usage: JudgeUsage
  /** USD over all attempts; null when the model is not in the price table. */
  costUsd: number | null
  /** Calls made to the provider, failed ones included. */
  attempts: number
  /** The model that answered (or was asked, when none answered). */
  model: string
  provider: string
  simulated: boolean
}

export type JudgeSuccess = JudgeCall & {
  ok: true
  scores: EvalScore[]
  /** Set when the input could not be judged (e.g. groundedness without context): no call, no scores. */
  skipped?: string
}

/** A failure is never a score: it carries what went wrong and what the attempts cost. */
export type JudgeFailureResult = JudgeCall & { ok: false; reason: string; kind: JudgeFailureKind }

export type JudgeResult = JudgeSuccess | JudgeFailureResult

/** Thrown by a judge's Evaluator.evaluate(), so a queue can store the failure with its cost. */
export class JudgeFailure extends Error {
  override name = 'JudgeFailure'
  readonly code = 'judge_failed'
  readonly kind: JudgeFailureKind
  readonly reason: string
  readonly result: JudgeFailureResult

  constructor(evaluator: string, result: JudgeFailureResult) {
    super(`${evaluator} failed (${result.kind}) after ${result.attempts} attempt(s): ${result.reason}`)
    this.kind = result.kind
    this.reason = result.reason
    this.result = result
  }

  get usage(): JudgeUsage {
    return this.result.usage
  }

  get costUsd(): number | null {
    return this.result.costUsd
  }

  get attempts(): number {
    return this.result.attempts
  }
}

/** Running totals over a judge's attempts. */
export class UsageMeter {
  usage: JudgeUsage = {
    inputTokens: 0,
    outputTokens: 0,
    cachedInputTokens: 0,
    reasoningTokens: 0,
    estimated: false,
  }
  costUsd: number | null = 0
  private unpriced = false

  add(result: Pick<ChatResult, 'usage' | 'costUsd'>, estimated = false): void {
    const u = result.usage
    this.usage.inputTokens += u.inputTokens
    this.usage.outputTokens += u.outputTokens
    this.usage.cachedInputTokens += u.cachedInputTokens ?? 0
    this.usage.reasoningTokens += u.reasoningTokens ?? 0
    if (estimated) this.usage.estimated = true
    // One unpriced attempt makes the total unknown; a partial sum would understate it.
    if (result.costUsd === null) this.unpriced = true
    else if (!this.unpriced) this.costUsd = (this.costUsd ?? 0) + result.costUsd
    if (this.unpriced) this.costUsd = null
  }
}
