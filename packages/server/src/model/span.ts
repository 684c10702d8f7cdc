import { z } from 'zod'
import {
  ERROR_MAX_CHARS,
  Id,
  Metadata,
  Name,
  NonNegative,
  Parameters,
  ShortText,
  Status,
  Time,
  Usage,
  type UsageCounts,
} from './common.js'

export const SpanKind = z.enum(['generation', 'retrieval', 'tool', 'chain', 'event', 'span'])
export type SpanKind = z.infer<typeof SpanKind>

/** Body of span-create and span-update: one step inside a trace. */
export const SpanBody = z.object({
  id: Id.optional(),
  traceId: Id,
  parentId: Id.optional(),
  kind: SpanKind.optional(),
  name: Name.optional(),
  startTime: Time.optional(),
  endTime: Time.optional(),
  /** When the first token arrived (streaming generations); gives time to first token. */
  completionStartTime: Time.optional(),
  model: ShortText.optional(),
  parameters: Parameters.optional(),
  input: z.unknown().optional(),
  output: z.unknown().optional(),
  ...Usage,
  costUsd: NonNegative.optional(),
  status: Status.optional(),
  error: z.string().max(ERROR_MAX_CHARS).optional(),
  errorType: ShortText.optional(),
  metadata: Metadata.optional(),
  promptName: ShortText.optional(),
  promptVersion: z.number().int().min(1).optional(),
})
export type SpanBody = z.infer<typeof SpanBody>

export type Span = UsageCounts & {
  id: string
  projectId: string
  traceId: string
  parentId: string | null
  kind: SpanKind
  name: string | null
  startTime: number
  endTime: number | null
  completionStartTime: number | null
  model: string | null
  parameters: Record<string, unknown> | null
  input: unknown
  output: unknown
  costUsd: number | null
  status: 'ok' | 'error'
  error: string | null
  errorType: string | null
  metadata: Record<string, unknown>
  promptName: string | null
  promptVersion: number | null
  createdAt: number
  updatedAt: number
}
