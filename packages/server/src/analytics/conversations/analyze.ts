import type { ConversationStage, Session } from '../../model/index.js'
import {
  type Db,
  feedbackSatisfaction,
  getSession,
  listSessionTraces,
  sessionTurnScores,
} from '../../store/index.js'
import { detectStage } from './stages.js'
import { botResponseOf, userQueryOf } from './text.js'

/** Text kept per turn in the answer. */
const TEXT_MAX_CHARS = 500

export type TurnAnalysis = {
  traceId: string
  timestamp: number
  query: string
  response: string
  stage: ConversationStage
  why: string
  status: 'ok' | 'error'
  latencyMs: number | null
  scores: Record<string, number | string>
}

export type ConversationAnalysis = {
  session: Session
  turns: TurnAnalysis[]
  stages: Partial<Record<ConversationStage, number>>
  finalStage: ConversationStage | null
  resolution: { resolved: boolean | null; source: 'reported' | 'inferred' | 'unknown'; why: string }
  satisfaction: { value: number | null; source: 'reported' | 'feedback' | 'unknown' }
}

/** Stage per turn, resolution and satisfaction of one conversation; null when it does not exist. */
export async function analyzeConversation(
  db: Db,
  projectId: string,
  sessionId: string,
): Promise<ConversationAnalysis | null> {
  const session = await getSession(db, projectId, sessionId)
  if (!session) return null
  const [traces, scoreRows, feedback] = await Promise.all([
    listSessionTraces(db, projectId, sessionId),
    sessionTurnScores(db, projectId, sessionId),
    feedbackSatisfaction(db, projectId, [sessionId]),
  ])
  const scores = new Map<string, Record<string, number | string>>()
  for (const s of scoreRows) {
    const v = s.value ?? s.string_value
    if (v === null) continue
    const m = scores.get(s.trace_id) ?? {}
    m[s.name] = typeof v === 'number' ? v : String(v)
    scores.set(s.trace_id, m)
  }
  const turns = traces.map((t, i): TurnAnalysis => {
    const query = userQueryOf(t.input)
    const response = botResponseOf(t.output)
    const { stage, why } = detectStage(query, response, i, traces.length)
    return {
      traceId: t.id,
      timestamp: t.timestamp,
      query: query.slice(0, TEXT_MAX_CHARS),
      response: response.slice(0, TEXT_MAX_CHARS),
      stage,
      why,
      status: t.status,
      latencyMs: t.latencyMs,
      scores: scores.get(t.id) ?? {},
    }
  })
  const stages: Partial<Record<ConversationStage, number>> = {}
  for (const t of turns) stages[t.stage] = (stages[t.stage] ?? 0) + 1
  const fb = feedback.get(sessionId)
  return {
    session,
    turns,
    stages,
    finalStage: turns.at(-1)?.stage ?? null,
    resolution: resolutionOf(session, turns),
    satisfaction:
      session.satisfaction !== null
        ? { value: session.satisfaction, source: 'reported' }
        : fb && fb.n > 0
          ? { value: fb.sum / fb.n, source: 'feedback' }
          : { value: null, source: 'unknown' },
  }
}

/** Reported resolution wins; otherwise it is read from the stages of the turns. */
export function resolutionOf(
  session: Pick<Session, 'resolved'>,
  turns: Pick<TurnAnalysis, 'stage' | 'status'>[],
): ConversationAnalysis['resolution'] {
  if (session.resolved !== null)
    return { resolved: session.resolved, source: 'reported', why: 'reported by the chatbot' }
  const at = turns.findIndex((t) => t.stage === 'resolution')
  if (at >= 0)
    return { resolved: true, source: 'inferred', why: `turn ${at + 1} reports or confirms the fix` }
  const last = turns.at(-1)
  if (last?.status === 'error') return { resolved: false, source: 'inferred', why: 'the last turn failed' }
  if (last && (last.stage === 'clarification' || last.stage === 'information_gathering')) {
    return { resolved: false, source: 'inferred', why: `it ended during ${last.stage.replace('_', ' ')}` }
  }
  return { resolved: null, source: 'unknown', why: 'no resolution reported or detected' }
}
