import { z } from 'zod'
import { COMMENT_MAX_CHARS, Id, Metadata, Time, Unit } from './common.js'

export const Thumbs = z.enum(['up', 'down'])
export type Thumbs = z.infer<typeof Thumbs>

/** Body of feedback-create: what an end user said about a trace or a conversation. */
export const FeedbackBody = z
  .object({
    id: Id.optional(),
    traceId: Id.optional(),
    sessionId: Id.optional(),
    userId: Id.optional(),
    thumbs: Thumbs.optional(),
    rating: z.number().int().min(1).max(5).optional(),
    satisfaction: Unit.optional(),
    comment: z.string().max(COMMENT_MAX_CHARS).optional(),
    correction: z.string().max(COMMENT_MAX_CHARS).optional(),
    timestamp: Time.optional(),
    metadata: Metadata.optional(),
  })
  .superRefine((f, ctx) => {
    if (!f.traceId && !f.sessionId) {
      ctx.addIssue({ code: 'custom', path: ['traceId'], message: 'feedback needs traceId or sessionId' })
    }
    const said = [f.thumbs, f.rating, f.satisfaction, f.comment, f.correction].some((v) => v !== undefined)
    if (!said) {
      ctx.addIssue({
        code: 'custom',
        path: ['thumbs'],
        message: 'feedback needs one of thumbs, rating, satisfaction, comment, correction',
      })
    }
  })
export type FeedbackBody = z.infer<typeof FeedbackBody>

export type Feedback = {
  id: string
  projectId: string
  traceId: string | null
  sessionId: string | null
  userId: string | null
  thumbs: Thumbs | null
  rating: number | null
  satisfaction: number | null
  comment: string | null
  correction: string | null
  timestamp: number
  metadata: Record<string, unknown>
  createdAt: number
}
