import { z } from 'zod'
import { Id, Metadata, ShortText, Tags, Time, Unit } from './common.js'

export const ConversationStage = z.enum([
  'greeting',
  'information_gathering',
  'problem_solving',
  'clarification',
  'resolution',
  'farewell',
])
export type ConversationStage = z.infer<typeof ConversationStage>

/** Body of session-create and session-update: a conversation. */
export const SessionBody = z.object({
  id: Id,
  userId: Id.optional(),
  bot: ShortText.optional(),
  environment: ShortText.optional(),
  startedAt: Time.optional(),
  endedAt: Time.optional(),
  satisfaction: Unit.optional(),
  resolved: z.boolean().optional(),
  stage: ConversationStage.optional(),
  tags: Tags.optional(),
  metadata: Metadata.optional(),
})
export type SessionBody = z.infer<typeof SessionBody>

export type Session = {
  id: string
  projectId: string
  userId: string | null
  bot: string | null
  environment: string | null
  startedAt: number
  endedAt: number | null
  satisfaction: number | null
  resolved: boolean | null
  stage: ConversationStage | null
  tags: string[]
  metadata: Record<string, unknown>
  createdAt: number
  updatedAt: number
}

/** Figures derived from a session's turns at read time. */
export type SessionStats = {
  turns: number
  firstTurnAt: number | null
  lastTurnAt: number | null
  totalLatencyMs: number
  avgLatencyMs: number | null
  totalTokens: number
  costUsd: number
  errors: number
}
