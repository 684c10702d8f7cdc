import type { Provider } from '../../llm/index.js'
import { newId } from '../../model/ids.js'
import type { IngestResponse } from '../../model/index.js'
import type { StoredDatasetItem, StoredRunItem } from '../../store/index.js'
import { type Assertion, type AssertionResult, allPassed, runAssertions } from '../assertions/index.js'
import { callWithRetries, type RetryOptions } from './call.js'
import type { ResolvedConfig } from './config.js'
import { evaluateOutput, type RunEvaluator, scoreMap } from './evaluate.js'
import { messagesFor, readInput } from './messages.js'
import { executionEvents, type TracedExecution } from './trace-events.js'

export type ExecutionContext = {
  provider: Provider
  ingest: (events: unknown[]) => Promise<IngestResponse>
  run: TracedExecution['run']
  config: ResolvedConfig
  evaluators: readonly RunEvaluator[]
  assertions: readonly Assertion[]
  repetitions: number
  retry: RetryOptions
  judgeModel?: string
}

/** The seed of one repetition, so repeated runs of a non-deterministic model differ, and reruns agree. */
function seedFor(config: ResolvedConfig, repetition: number, repetitions: number): number | undefined {
  if (config.seed !== null) return config.seed + repetition
  return repetitions > 1 ? repetition : undefined
}

/**
 * One item, one repetition: build the messages, call the model (with retries), score the
 * output, check the assertions, and record it all as a trace through the ingestion path.
 */
export async function executeItem(
  x: ExecutionContext,
  item: StoredDatasetItem,
  repetition: number,
): Promise<StoredRunItem> {
  const req = readInput(item.input)
  const built = messagesFor(x.config, req)
  const base = { itemId: item.id, repetition, createdAt: Date.now() }
  const empty = {
    latencyMs: null,
    costUsd: null,
    inputTokens: null,
    outputTokens: null,
    scores: {},
    assertions: [],
  }
  if ('error' in built)
    return { ...base, ...empty, traceId: null, output: null, error: built.error, passed: false, attempts: 0 }

  const seed = seedFor(x.config, repetition, x.repetitions)
  const outcome = await callWithRetries(
    x.provider,
    {
      model: x.config.model,
      messages: built.messages,
      ...(x.config.temperature !== null && { temperature: x.config.temperature }),
      ...(x.config.maxTokens !== null && { maxTokens: x.config.maxTokens }),
      ...(Object.keys(x.config.parameters).length && { parameters: x.config.parameters }),
      ...(seed !== undefined && { seed }),
    },
    x.retry,
  )
  const result = outcome.ok ? outcome.result : null
  const judge = { provider: x.provider, model: x.judgeModel, signal: x.retry.signal }
  let scores: Awaited<ReturnType<typeof evaluateOutput>> = { scores: [], failures: [], judgeCostUsd: 0 }
  let assertions: AssertionResult[] = []
  if (result) {
    const history = req.history.flatMap((t) =>
      t.role === 'user' || t.role === 'assistant' ? [{ role: t.role, content: t.content }] : [],
    )
    const input = { query: req.query, response: result.content, context: item.context, history }
    scores = await evaluateOutput(input, x.evaluators, judge)
    assertions = await runAssertions([...x.assertions, ...(item.assertions as Assertion[])], {
      output: result.content,
      expected: item.expected,
      input: item.input,
      query: req.query,
      context: item.context,
      metadata: item.metadata,
      scores: scoreMap(scores.scores),
      judge: { provider: x.provider, ...(x.judgeModel && { model: x.judgeModel }) },
      ...(x.retry.signal && { signal: x.retry.signal }),
    })
  }
  const passed = result !== null && allPassed(assertions)
  const traceId = newId()
  const error = outcome.ok ? null : { message: outcome.error.message, type: `provider_${outcome.error.kind}` }
  const stored = await x.ingest(
    executionEvents({
      traceId,
      run: x.run,
      itemId: item.id,
      repetition,
      config: x.config,
      query: req.query,
      messages: built.messages,
      context: item.context,
      startedAt: outcome.startedAt,
      provider: { name: x.provider.name, simulated: x.provider.simulated },
      result,
      error,
      attempts: outcome.attempts,
      scores: scores.scores,
      assertions,
      passed,
    }),
  )
  const problems = [
    ...(error ? [`the model call failed after ${outcome.attempts} attempt(s): ${error.message}`] : []),
    ...scores.failures,
    ...stored.errors.map((e) => `could not record the trace: ${e.message}`),
  ]
  return {
    ...base,
    traceId: stored.errors.length ? null : traceId,
    output: result?.content ?? null,
    error: problems.length ? problems.join('; ') : null,
    latencyMs: result?.latencyMs ?? null,
    costUsd: result?.costUsd ?? null,
    inputTokens: result?.usage.inputTokens ?? null,
    outputTokens: result?.usage.outputTokens ?? null,
    scores: scoreMap(scores.scores),
    assertions,
    passed,
    attempts: outcome.attempts,
  }
}
