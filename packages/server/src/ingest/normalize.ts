import type { FeedbackRow, ScoreRow, SessionRow, SpanRow, TraceRow } from '../store/index.js'
import { type AnyPatch, pick } from './patches.js'
import { checkMetadata, payloadJson } from './serialize.js'
import type { ValidEvent } from './validate.js'

// biome-ignore format: field → column table
const TRACE_FIELDS: Record<string, keyof TraceRow & string> = {
  name: 'name', timestamp: 'timestamp', endTime: 'end_time', bot: 'bot', version: 'version',
  variant: 'variant', environment: 'environment', userId: 'user_id', sessionId: 'session_id',
  model: 'model', inputTokens: 'input_tokens', outputTokens: 'output_tokens', totalTokens: 'total_tokens',
  cachedInputTokens: 'cached_input_tokens', reasoningTokens: 'reasoning_tokens', costUsd: 'cost_usd',
  latencyMs: 'latency_ms', timeToFirstTokenMs: 'ttft_ms', status: 'status', error: 'error',
  errorType: 'error_type', promptName: 'prompt_name', promptVersion: 'prompt_version',
  experimentKey: 'experiment_key', experimentVariant: 'experiment_variant',
}

// biome-ignore format: field → column table
const SPAN_FIELDS: Record<string, keyof SpanRow & string> = {
  traceId: 'trace_id', parentId: 'parent_id', kind: 'kind', name: 'name', startTime: 'start_time',
  endTime: 'end_time', completionStartTime: 'completion_start_time', model: 'model',
  inputTokens: 'input_tokens', outputTokens: 'output_tokens', totalTokens: 'total_tokens',
  cachedInputTokens: 'cached_input_tokens', reasoningTokens: 'reasoning_tokens', costUsd: 'cost_usd',
  status: 'status', error: 'error', errorType: 'error_type', promptName: 'prompt_name',
  promptVersion: 'prompt_version',
}

// biome-ignore format: field → column table
const SESSION_FIELDS: Record<string, keyof SessionRow & string> = {
  userId: 'user_id', bot: 'bot', environment: 'environment', startedAt: 'started_at', endedAt: 'ended_at',
  satisfaction: 'satisfaction', stage: 'stage',
}

// biome-ignore format: field → column table
const SCORE_FIELDS: Record<string, keyof ScoreRow & string> = {
  traceId: 'trace_id', spanId: 'span_id', sessionId: 'session_id', name: 'name', dataType: 'data_type',
  source: 'source', evaluator: 'evaluator', evaluatorVersion: 'evaluator_version', comment: 'comment',
  timestamp: 'timestamp',
}

// biome-ignore format: field → column table
const FEEDBACK_FIELDS: Record<string, keyof FeedbackRow & string> = {
  traceId: 'trace_id', sessionId: 'session_id', userId: 'user_id', thumbs: 'thumbs', rating: 'rating',
  satisfaction: 'satisfaction', comment: 'comment', correction: 'correction', timestamp: 'timestamp',
}

const USAGE_KEYS = [
  'inputTokens',
  'outputTokens',
  'totalTokens',
  'cachedInputTokens',
  'reasoningTokens',
  'costUsd',
]

/** Turns a validated event into a patch of the entity it is about. Throws FieldError on size limits. */
export function toPatch(e: ValidEvent, receivedAt: number): AnyPatch {
  const at = e.timestamp ?? receivedAt
  const base = { eventId: e.id, index: e.index, at }
  switch (e.type) {
    case 'trace-create':
    case 'trace-update': {
      const b = e.body
      const fields = pick<TraceRow>(b, TRACE_FIELDS)
      setJson(fields, 'parameters', payloadJson(b.parameters, 'body.parameters'))
      setJson(fields, 'input', payloadJson(b.input, 'body.input'))
      setJson(fields, 'output', payloadJson(b.output, 'body.output'))
      if (b.evaluate !== undefined) fields.evaluate = b.evaluate ? 1 : 0
      return {
        ...base,
        kind: 'trace',
        id: b.id ?? e.id,
        fields,
        metadata: checkMetadata(b.metadata, 'body.metadata'),
        tags: b.tags,
        latencyGiven: b.latencyMs !== undefined,
        usageGiven: USAGE_KEYS.some((k) => (b as Record<string, unknown>)[k] !== undefined),
      }
    }
    case 'span-create':
    case 'span-update': {
      const b = e.body
      const fields = pick<SpanRow>(b, SPAN_FIELDS)
      setJson(fields, 'parameters', payloadJson(b.parameters, 'body.parameters'))
      setJson(fields, 'input', payloadJson(b.input, 'body.input'))
      setJson(fields, 'output', payloadJson(b.output, 'body.output'))
      return {
        ...base,
        kind: 'span',
        id: b.id ?? e.id,
        traceId: b.traceId,
        fields,
        metadata: checkMetadata(b.metadata, 'body.metadata'),
        costGiven: b.costUsd !== undefined,
      }
    }
    case 'session-create':
    case 'session-update': {
      const b = e.body
      const fields = pick<SessionRow>(b, SESSION_FIELDS)
      if (b.resolved !== undefined) fields.resolved = b.resolved ? 1 : 0
      return {
        ...base,
        kind: 'session',
        id: b.id,
        fields,
        metadata: checkMetadata(b.metadata, 'body.metadata'),
        tags: b.tags,
      }
    }
    case 'score-create': {
      const b = e.body
      const fields = pick<ScoreRow>(b, SCORE_FIELDS)
      if (typeof b.value === 'number') {
        fields.value = b.value
        fields.data_type ??= 'numeric'
      } else if (typeof b.value === 'boolean') {
        fields.value = b.value ? 1 : 0
        fields.data_type ??= 'boolean'
      } else {
        fields.string_value = b.value
        fields.data_type ??= 'categorical'
      }
      return {
        ...base,
        kind: 'score',
        id: b.id ?? e.id,
        fields,
        metadata: checkMetadata(b.metadata, 'body.metadata'),
      }
    }
    case 'feedback-create': {
      const b = e.body
      const fields = pick<FeedbackRow>(b, FEEDBACK_FIELDS)
      return {
        ...base,
        kind: 'feedback',
        id: b.id ?? e.id,
        fields,
        metadata: checkMetadata(b.metadata, 'body.metadata'),
      }
    }
  }
}

function setJson<Row>(fields: Partial<Row>, column: keyof Row, json: string | null | undefined) {
  if (json !== undefined) (fields as Record<string, unknown>)[column as string] = json
}
