import { computeCostUsd } from '../../llm/pricing.js'
import { type ChatMessage, type ChatResult, type Provider, ProviderError } from '../../llm/provider.js'
import { countMessageTokens } from '../../llm/tokens.js'
import type { EvalInput } from '../evaluator.js'
import { backoffMs, sleep } from './backoff.js'
import type { JudgeDefinition } from './definition.js'
import { correctionMessages, judgeMessages, responseFormatFor, type StructuredOutput } from './messages.js'
import { parseAnswer } from './parse-answer.js'
import { type JudgeFailureKind, type JudgeResult, UsageMeter } from './result.js'
import { assertTemplate } from './template.js'

export const JUDGE_MAX_ATTEMPTS = 3
export const JUDGE_DEADLINE_MS = 120_000
/** The five-metric rubric answers in about 300 tokens; this leaves room without inviting essays. */
export const JUDGE_MAX_OUTPUT_TOKENS = 1000

export type JudgeOptions = {
  provider: Provider
  /** Defaults to the provider's model. */
  model?: string
  /** Rubric override (plain text with placeholders); the judge's default otherwise. */
  template?: string
  /** Provider calls at most, failed ones included. */
  maxAttempts?: number
  /** Time for the whole evaluation, retries and waits included. */
  deadlineMs?: number
  /** Per call; the provider's own timeout otherwise. */
  attemptTimeoutMs?: number
  /** `auto`: json_schema when the provider supports it, json_object otherwise; `none` for endpoints that reject response_format. */
  structuredOutput?: StructuredOutput
  temperature?: number
  maxOutputTokens?: number
  seed?: number
  signal?: AbortSignal
  /** Called before each wait after a retryable provider error (for logs and tests). */
  onRetry?: (info: { attempt: number; waitMs: number; error: ProviderError }) => void
  /** Source of jitter. */
  random?: () => number
}

const toProviderError = (err: unknown) =>
  err instanceof ProviderError
    ? err
    : new ProviderError('network', err instanceof Error ? err.message : String(err))

/**
 * Runs one judge on one input: asks for structured JSON, validates it, sends the model a
 * correction when the answer is unusable, and backs off on retryable provider errors, all within
 * `maxAttempts` calls and `deadlineMs`. Never throws for a model or endpoint failure: the result
 * says what happened and what the attempts cost.
 * @example const result = await runJudge(rubricJudge, { query, response }, { provider: createProvider() })
 */
export async function runJudge<T>(
  definition: JudgeDefinition<T>,
  input: EvalInput,
  options: JudgeOptions,
): Promise<JudgeResult> {
  const { provider, template = definition.defaultTemplate, maxAttempts = JUDGE_MAX_ATTEMPTS } = options
  const { deadlineMs = JUDGE_DEADLINE_MS, random = Math.random, signal: cancel } = options
  assertTemplate(definition.name, template, definition.requiredPlaceholders)
  const meter = new UsageMeter()
  let attempts = 0
  const requested = options.model ?? provider.defaultModel
  /** The model the endpoint says answered, which may name a dated version of the one requested. */
  let model = requested
  const done = () => ({
    usage: meter.usage,
    costUsd: meter.costUsd,
    attempts,
    model,
    provider: provider.name,
    simulated: provider.simulated,
  })
  const fail = (kind: JudgeFailureKind, reason: string): JudgeResult => ({
    ok: false,
    kind,
    reason,
    ...done(),
  })

  const skipped = definition.skipReason?.(input)
  if (skipped) return { ok: true, scores: [], skipped, ...done() }

  const deadline = Date.now() + deadlineMs
  const base = judgeMessages(definition, template, input)
  const responseFormat = responseFormatFor(definition, options.structuredOutput ?? 'auto', provider)
  let correction: ChatMessage[] = []
  let last: { kind: JudgeFailureKind; reason: string } = { kind: 'timeout', reason: 'no attempt was made' }
  let retries = 0

  while (attempts < maxAttempts) {
    const remaining = deadline - Date.now()
    if (remaining <= 0)
      return fail('timeout', `no usable answer within the ${deadlineMs} ms deadline; last: ${last.reason}`)
    if (cancel?.aborted) return fail('provider', 'the evaluation was cancelled')
    attempts++
    const messages = [...base, ...correction]
    const timer = AbortSignal.timeout(remaining)
    let answer: ChatResult
    try {
      answer = await provider.chat({
        model: requested,
        messages,
        temperature: options.temperature ?? 0,
        maxTokens: options.maxOutputTokens ?? JUDGE_MAX_OUTPUT_TOKENS,
        signal: cancel ? AbortSignal.any([cancel, timer]) : timer,
        ...(responseFormat && { responseFormat }),
        ...(options.attemptTimeoutMs !== undefined && {
          timeoutMs: Math.min(options.attemptTimeoutMs, remaining),
        }),
        ...(options.seed !== undefined && { seed: options.seed }),
      })
    } catch (err) {
      const error = toProviderError(err)
      if (timer.aborted)
        return fail(
          'timeout',
          `no usable answer within the ${deadlineMs} ms deadline; the last call was cut off`,
        )
      if (cancel?.aborted) return fail('provider', 'the evaluation was cancelled')
      if (error.kind === 'invalid_response') {
        // The endpoint answered (and billed) but the provider dropped the unparseable answer with its usage.
        const usage = { inputTokens: countMessageTokens(messages, model), outputTokens: 0 }
        meter.add({ usage, costUsd: computeCostUsd(model, usage) }, true)
        last = { kind: 'invalid_output', reason: error.message }
        correction = correctionMessages(null, 'it was not valid JSON.')
        continue
      }
      const reason = `${error.kind}${error.status ? ` (HTTP ${error.status})` : ''}: ${error.message}`
      if (!error.retryable) return fail('provider', reason)
      last = { kind: error.kind === 'timeout' ? 'timeout' : 'provider', reason }
      if (attempts >= maxAttempts) break
      const waitMs = backoffMs(error, retries++, random)
      if (Date.now() + waitMs >= deadline)
        return fail(
          last.kind,
          `${reason}; the next attempt (in ${waitMs} ms) would pass the ${deadlineMs} ms deadline`,
        )
      options.onRetry?.({ attempt: attempts, waitMs, error })
      if (!(await sleep(waitMs, cancel))) return fail('provider', 'the evaluation was cancelled')
      continue
    }
    meter.add(answer)
    model = answer.model
    const parsed = parseAnswer(definition, answer)
    if (parsed.ok) return { ok: true, scores: definition.toScores(parsed.value), ...done() }
    last = { kind: 'invalid_output', reason: parsed.reason }
    correction = correctionMessages(answer.content, parsed.reason)
  }
  return fail(last.kind, `${last.reason} (after ${attempts} attempts)`)
}
