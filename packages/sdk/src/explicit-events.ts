import { type Complain, id, record, tags, text, unit } from './clean.js'
import { COMMENT_MAX_CHARS, ID_MAX_CHARS } from './constants.js'
import type { EndConversationInput, FeedbackInput, ScoreInput } from './types.js'
import { uuidv7 } from './uuid.js'
import { eventJson, PlainEvent, time } from './wire.js'

// Scores, feedback and conversation ends are rare: they are written when recorded, capturing
// the values as given.
const SCORE_TYPES = new Set(['numeric', 'categorical', 'boolean'])
const SOURCES = new Set(['heuristic', 'judge', 'human', 'api'])
const STAGES = new Set([
  'greeting',
  'information_gathering',
  'problem_solving',
  'clarification',
  'resolution',
  'farewell',
])

function validId(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= ID_MAX_CHARS
}

function scoreValue(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v)
  if (typeof v === 'string') return v.length > 0 && v.length <= 200
  return typeof v === 'boolean'
}

/** A score-create event, or undefined (and a complaint) when the input cannot make one. */
export function scoreEvent(
  s: ScoreInput,
  currentTraceId: string | undefined,
  complain: Complain,
  now: number = Date.now(),
) {
  const traceId = s.traceId ?? (s.sessionId === undefined ? currentTraceId : undefined)
  if (typeof s.name !== 'string' || s.name.length === 0) return complain('score() needs a name')
  if (!scoreValue(s.value)) return complain(`score "${s.name}" needs a finite number, a string or a boolean`)
  if (!validId(traceId) && !validId(s.sessionId))
    return complain(`score "${s.name}" needs a traceId or sessionId`)
  if (s.spanId !== undefined && !validId(traceId))
    return complain(`score "${s.name}" on a span needs its traceId`)
  const scoreId = validId(s.id) ? s.id : uuidv7()
  const body = {
    id: scoreId,
    traceId,
    spanId: id(s.spanId, 'spanId', complain),
    sessionId: id(s.sessionId, 'sessionId', complain),
    name: text(s.name),
    value: s.value,
    dataType: SCORE_TYPES.has(s.dataType as string) ? s.dataType : undefined,
    source: SOURCES.has(s.source as string) ? s.source : undefined,
    evaluator: text(s.evaluator),
    comment: text(s.comment, COMMENT_MAX_CHARS),
    timestamp: time(now),
    metadata: record(s.metadata, 'metadata', complain),
  }
  return { id: scoreId, event: new PlainEvent(eventJson('score-create', now, body, complain)) }
}

export function feedbackEvent(
  f: FeedbackInput,
  currentTraceId: string | undefined,
  complain: Complain,
  now: number = Date.now(),
) {
  const traceId = f.traceId ?? (f.sessionId === undefined ? currentTraceId : undefined)
  if (!validId(traceId) && !validId(f.sessionId)) return complain('feedback() needs a traceId or sessionId')
  const thumbs = f.thumbs === 'up' || f.thumbs === 'down' ? f.thumbs : undefined
  if (f.thumbs !== undefined && thumbs === undefined) complain(`thumbs must be 'up' or 'down'`)
  const ratingOk =
    typeof f.rating === 'number' && Number.isInteger(f.rating) && f.rating >= 1 && f.rating <= 5
  if (f.rating !== undefined && !ratingOk) complain('rating must be an integer 1..5')
  const rating = ratingOk ? f.rating : undefined
  const satisfaction = unit(f.satisfaction, 'satisfaction', complain)
  const comment = text(f.comment, COMMENT_MAX_CHARS)
  const correction = text(f.correction, COMMENT_MAX_CHARS)
  if ([thumbs, rating, satisfaction, comment, correction].every((v) => v === undefined)) {
    return complain('feedback() needs thumbs, rating, satisfaction, comment or correction')
  }
  const feedbackId = validId(f.id) ? f.id : uuidv7()
  const body = {
    id: feedbackId,
    traceId,
    sessionId: id(f.sessionId, 'sessionId', complain),
    userId: id(f.userId, 'userId', complain),
    thumbs,
    rating,
    satisfaction,
    comment,
    correction,
    timestamp: time(now),
    metadata: record(f.metadata, 'metadata', complain),
  }
  return { id: feedbackId, event: new PlainEvent(eventJson('feedback-create', now, body, complain)) }
}

export function endConversationEvent(
  sessionId: string,
  e: EndConversationInput,
  defaults: { bot: string | undefined; environment: string | undefined },
  complain: Complain,
  now: number = Date.now(),
) {
  if (!validId(sessionId))
    return complain(`endConversation() needs a sessionId of 1..${ID_MAX_CHARS} characters`)
  if (e.stage !== undefined && !STAGES.has(e.stage))
    complain(`unknown conversation stage "${String(e.stage)}"`)
  if (e.resolved !== undefined && typeof e.resolved !== 'boolean') complain('resolved must be a boolean')
  const body = {
    id: sessionId,
    userId: id(e.userId, 'userId', complain),
    bot: text(defaults.bot),
    environment: text(defaults.environment),
    endedAt: time(now),
    satisfaction: unit(e.satisfaction, 'satisfaction', complain),
    resolved: typeof e.resolved === 'boolean' ? e.resolved : undefined,
    stage: STAGES.has(e.stage as string) ? e.stage : undefined,
    tags: tags(e.tags, complain),
    metadata: record(e.metadata, 'metadata', complain),
  }
  return new PlainEvent(eventJson('session-update', now, body, complain))
}
