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
  Tags,
  Time,
  Usage,
  type UsageCounts,
} from './common.js'

/** Body of trace-create and trace-update: one chatbot turn. Absent fields keep what was stored. */
export const TraceBody = z.object({
  id: Id.optional(),
  name: Name.optional(),
  timestamp: Time.optional(),
  endTime: Time.optional(),
  bot: ShortText.optional(),
  version: ShortText.optional(),
  variant: ShortText.optional(),
  environment: ShortText.optional(),
  userId: Id.optional(),
  sessionId: Id.optional(),
  model: ShortText.optional(),
  parameters: Parameters.optional(),
  input: z.unknown().optional(),
  output: z.unknown().optional(),
  ...Usage,
  costUsd: NonNegative.optional(),
  latencyMs: NonNegative.optional(),
  timeToFirstTokenMs: NonNegative.optional(),
  status: Status.optional(),
  error: z.string().max(ERROR_MAX_CHARS).optional(),
  errorType: ShortText.optional(),
  tags: Tags.optional(),
  metadata: Metadata.optional(),
  promptName: ShortText.optional(),
  promptVersion: z.number().int().min(1).optional(),
  experimentKey: ShortText.optional(),
  experimentVariant: ShortText.optional(),
  /** Force evaluation on (true) or off (false) for this trace, overriding sampling. */
  evaluate: z.boolean().optional(),
})
export type TraceBody = z.infer<typeof TraceBody>

/** A stored trace as the read API returns it. */
export type Trace = UsageCounts & {
  id: string
  projectId: string
  name: string | null
  timestamp: number
  endTime: number | null
  bot: string | null
  version: string | null
  variant: string | null
  environment: string
  userId: string | null
  sessionId: string | null
  model: string | null
  parameters: Record<string, unknown> | null
  input: unknown
  output: unknown
  costUsd: number | null
  latencyMs: number | null
  timeToFirstTokenMs: number | null
  status: Status
  error: string | null
  errorType: string | null
  tags: string[]
  metadata: Record<string, unknown>
  promptName: string | null
  promptVersion: number | null
  experimentKey: string | null
  experimentVariant: string | null
  evaluate: boolean | null
  /** True when usage/cost were sent on the trace itself rather than summed from its spans. */
  usageExplicit: boolean
  createdAt: number
  updatedAt: number
}

export const DEFAULT_ENVIRONMENT = 'default'
