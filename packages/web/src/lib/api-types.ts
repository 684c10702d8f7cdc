/**
 * The read API's shapes. They come from the server's domain model, so a change there breaks the
 * dashboard's typecheck instead of its pages.
 */
import type {
  Feedback,
  Project,
  Score,
  Session,
  SessionStats,
  Span,
  Trace,
} from '../../../server/src/model/index.js'

export type { Feedback, Project, Score, Session, SessionStats, Span, Trace }

export type Page<T> = { data: T[]; nextCursor: string | null }

export type SpanNode = { span: Span; children: SpanNode[] }

export type TraceDetail = {
  trace: Trace
  spans: Span[]
  spanTree: SpanNode[]
  scores: Score[]
  feedback: Feedback[]
}

export type SessionWithStats = Session & { stats: SessionStats }

export type SessionDetail = {
  session: Session
  stats: SessionStats
  turns: Trace[]
  scores: Score[]
  feedback: Feedback[]
}
