import { z } from 'zod'
import { COMMENT_MAX_CHARS, Id, Metadata, ShortText, Time } from './common.js'

export const ScoreSource = z.enum(['heuristic', 'judge', 'human', 'api'])
export type ScoreSource = z.infer<typeof ScoreSource>

export const ScoreDataType = z.enum(['numeric', 'categorical', 'boolean'])
export type ScoreDataType = z.infer<typeof ScoreDataType>

/** Body of score-create. A score attaches to a trace, a span (with its trace) or a session. */
export const ScoreBody = z
  .object({
    id: Id.optional(),
    traceId: Id.optional(),
    spanId: Id.optional(),
    sessionId: Id.optional(),
    name: ShortText.min(1),
    value: z.union([z.number().finite(), z.string().min(1).max(200), z.boolean()]),
    dataType: ScoreDataType.optional(),
    source: ScoreSource.optional(),
    evaluator: ShortText.optional(),
    evaluatorVersion: ShortText.optional(),
    comment: z.string().max(COMMENT_MAX_CHARS).optional(),
    timestamp: Time.optional(),
    metadata: Metadata.optional(),
  })
  .superRefine((s, ctx) => {
    if (!s.traceId && !s.sessionId) {
      ctx.addIssue({ code: 'custom', path: ['traceId'], message: 'a score needs traceId or sessionId' })
    }
    if (s.spanId && !s.traceId) {
      ctx.addIssue({ code: 'custom', path: ['traceId'], message: 'a span score needs the traceId too' })
    }
  })
export type ScoreBody = z.infer<typeof ScoreBody>

export type Score = {
  id: string
  projectId: string
  traceId: string | null
  spanId: string | null
  sessionId: string | null
  name: string
  /** Numeric value (booleans are 0/1); null for categorical scores. */
  value: number | null
  /** Category for categorical scores. */
  stringValue: string | null
  dataType: ScoreDataType
  source: ScoreSource
  evaluator: string | null
  evaluatorVersion: string | null
  comment: string | null
  timestamp: number
  metadata: Record<string, unknown>
  createdAt: number
}
