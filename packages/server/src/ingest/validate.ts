import type { z } from 'zod'
import {
  EVENT_BODIES,
  EventEnvelope,
  type EventType,
  type FeedbackBody,
  type IngestEventError,
  type ScoreBody,
  type SessionBody,
  type SpanBody,
  type TraceBody,
} from '../model/index.js'

/** A validated event: its envelope and a body typed by its event type. */
export type ValidEvent =
  | Base<'trace-create' | 'trace-update', TraceBody>
  | Base<'span-create' | 'span-update', SpanBody>
  | Base<'session-create' | 'session-update', SessionBody>
  | Base<'score-create', ScoreBody>
  | Base<'feedback-create', FeedbackBody>

type Base<T extends EventType, B> = {
  index: number
  id: string
  type: T
  timestamp: number | undefined
  body: B
  warnings: string[]
}

const KNOWN_FIELDS = Object.fromEntries(
  Object.entries(EVENT_BODIES).map(([type, schema]) => [type, new Set(Object.keys(schema.shape))]),
) as Record<EventType, Set<string>>

/** The first issue of a zod error as a field path and a sentence. */
export function describeIssue(error: z.ZodError, prefix: string): { field: string; message: string } {
  const issue = error.issues[0]
  const path = [prefix, ...(issue?.path ?? []).map(String)].filter(Boolean).join('.')
  return { field: path, message: `${path}: ${issue?.message ?? 'invalid'}` }
}

const failure = (index: number, id: string | null, field: string, message: string): IngestEventError => ({
  id,
  index,
  status: 400,
  code: 'invalid_event',
  message,
  field,
})

/** Checks one raw event; an invalid one becomes an error naming the field, never an exception. */
export function validateEvent(raw: unknown, index: number): ValidEvent | IngestEventError {
  const envelope = EventEnvelope.safeParse(raw)
  const rawId = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : null
  if (!envelope.success) {
    const { field, message } = describeIssue(envelope.error, `batch[${index}]`)
    return failure(index, rawId, field, message)
  }
  const { id, type, timestamp, body } = envelope.data
  const parsed = EVENT_BODIES[type].safeParse(body)
  if (!parsed.success) {
    const { field, message } = describeIssue(parsed.error, 'body')
    return failure(index, id, field, message)
  }
  if ((type === 'trace-update' || type === 'span-update') && !(parsed.data as { id?: string }).id) {
    return failure(index, id, 'body.id', `body.id: required for ${type}`)
  }
  const known = KNOWN_FIELDS[type]
  const warnings = Object.keys(body)
    .filter((k) => !known.has(k))
    .map((k) => `body.${k}: unknown field, ignored`)
  return { index, id, type, timestamp, body: parsed.data, warnings } as ValidEvent
}

export const isError = (v: ValidEvent | IngestEventError): v is IngestEventError => 'code' in v
