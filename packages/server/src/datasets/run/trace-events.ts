import type { ChatMessage, ChatResult } from '../../llm/index.js'
import { newId } from '../../model/ids.js'
import type { AssertionResult } from '../assertions/index.js'
import type { ResolvedConfig } from './config.js'
import type { RunScore } from './evaluate.js'

export type TracedExecution = {
  traceId: string
  run: { id: string; datasetId: string; datasetName: string; datasetVersion: number; environment: string }
  itemId: string
  repetition: number
  config: ResolvedConfig
  query: string
  messages: ChatMessage[]
  context: string[]
  startedAt: number
  provider: { name: string; simulated: boolean }
  result: ChatResult | null
  error: { message: string; type: string } | null
  attempts: number
  scores: RunScore[]
  assertions: AssertionResult[]
  passed: boolean
}

const event = (type: string, body: Record<string, unknown>) => ({ id: newId(), type, body })

/**
 * The events that record one execution like production traffic: a trace with its generation
 * span, the evaluator scores, and whether the assertions passed. The trace is in the run's
 * environment ("eval" by default) and tagged with the run, so dashboards filtered to production
 * leave it out, and it is never queued for evaluation again (its scores come with it).
 */
export function executionEvents(x: TracedExecution): unknown[] {
  const { result, config } = x
  const ended = result ? x.startedAt + result.latencyMs : x.startedAt
  const link = config.prompt ? { promptName: config.prompt.name, promptVersion: config.prompt.version } : {}
  const status = x.error ? { status: 'error', error: x.error.message, errorType: x.error.type } : {}
  const meta = { provider: x.provider.name, simulated: x.provider.simulated }
  const model = result?.model ?? config.model
  const parameters = { temperature: config.temperature, max_tokens: config.maxTokens, ...config.parameters }
  const events: unknown[] = [
    event('span-create', {
      id: `${x.traceId}-llm`,
      traceId: x.traceId,
      kind: 'generation',
      name: 'llm',
      startTime: x.startedAt,
      endTime: ended,
      ...(result?.timeToFirstTokenMs != null && {
        completionStartTime: x.startedAt + result.timeToFirstTokenMs,
      }),
      model,
      parameters,
      input: x.messages,
      ...(result && { output: { role: 'assistant', content: result.content } }),
      ...(result && { inputTokens: result.usage.inputTokens, outputTokens: result.usage.outputTokens }),
      ...(result?.costUsd != null && { costUsd: result.costUsd }),
      metadata: { ...meta, attempts: x.attempts, ...(result && { finishReason: result.finishReason }) },
      ...link,
      ...status,
    }),
    event('trace-create', {
      id: x.traceId,
      name: `dataset:${x.run.datasetName}`,
      timestamp: x.startedAt,
      endTime: ended,
      environment: x.run.environment,
      model,
      parameters,
      input: x.query,
      ...(result && { output: result.content }),
      tags: ['dataset-run', `run:${x.run.id}`],
      metadata: {
        ...meta,
        datasetId: x.run.datasetId,
        datasetVersion: x.run.datasetVersion,
        runId: x.run.id,
        itemId: x.itemId,
        repetition: x.repetition,
        ...(x.context.length && { context: x.context }),
      },
      evaluate: false,
      ...link,
      ...status,
    }),
  ]
  for (const s of x.scores) {
    events.push(
      event('score-create', {
        id: `trace:${x.traceId}:${s.evaluator}:${s.name}`,
        traceId: x.traceId,
        name: s.name,
        value: s.value ?? s.stringValue ?? 'n/a',
        ...(s.value === null && s.stringValue === undefined && { dataType: 'categorical' }),
        source: s.source,
        evaluator: s.evaluator,
        evaluatorVersion: s.evaluatorVersion,
        comment: s.comment.slice(0, 10_000),
        metadata: { runId: x.run.id, ...(s.simulated !== undefined && { simulated: s.simulated }) },
      }),
    )
  }
  if (result && x.assertions.length) {
    const failed = x.assertions.filter((a) => a.pass === false)
    events.push(
      event('score-create', {
        id: `trace:${x.traceId}:dataset-run:assertions_passed`,
        traceId: x.traceId,
        name: 'assertions_passed',
        value: x.passed,
        source: 'api',
        evaluator: 'dataset-run',
        evaluatorVersion: '1',
        comment: failed.length
          ? `failed: ${failed.map((a) => a.name).join('; ')}`.slice(0, 10_000)
          : 'all assertions passed',
        metadata: { runId: x.run.id, assertions: x.assertions.map((a) => ({ name: a.name, pass: a.pass })) },
      }),
    )
  }
  return events
}
