import { z } from 'zod'
import { Id, Time } from './common.js'
import { FeedbackBody } from './feedback.js'
import { ScoreBody } from './score.js'
import { SessionBody } from './session.js'
import { SpanBody } from './span.js'
import { TraceBody } from './trace.js'

export const MAX_BATCH_EVENTS = 1000
export const MAX_BODY_BYTES = 10 * 1024 * 1024

/** Every event type and the schema of its body. */
export const EVENT_BODIES = {
  'trace-create': TraceBody,
  'trace-update': TraceBody,
  'span-create': SpanBody,
  'span-update': SpanBody,
  'session-create': SessionBody,
  'session-update': SessionBody,
  'score-create': ScoreBody,
  'feedback-create': FeedbackBody,
} as const
export type EventType = keyof typeof EVENT_BODIES
export const EventType = z.enum(Object.keys(EVENT_BODIES) as [EventType, ...EventType[]])

/** The envelope, checked before the body so a bad body can still be answered by event id. */
export const EventEnvelope = z.object({
  /** The event's own id: the same id twice is stored once. */
  id: Id,
  type: EventType,
  timestamp: Time.optional(),
  // Only "an object" here: the body's own schema checks its fields next.
  body: z.custom<Record<string, unknown>>(
    (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
    'expected an object',
  ),
})
export type EventEnvelope = z.infer<typeof EventEnvelope>

export const IngestRequest = z.object({
  batch: z.array(z.unknown()).min(1).max(MAX_BATCH_EVENTS),
  metadata: z.record(z.string(), z.unknown()).optional(),
})

export type IngestEventResult =
  | { id: string; status: 201; duplicate?: false; warnings?: string[] }
  | { id: string; status: 200; duplicate: true }
export type IngestEventError = {
  id: string | null
  index: number
  status: 400
  code: string
  message: string
  field?: string
}

export type IngestResponse = { successes: IngestEventResult[]; errors: IngestEventError[] }
