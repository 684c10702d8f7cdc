import type { FeedbackRow, ScoreRow, SessionRow, SpanRow, TraceRow } from '../store/index.js'

/**
 * What one event says about one entity: only the fields it carried. Column values are ready
 * to store (JSON already serialised); metadata and tags stay structured because they merge.
 */
export type Patch<Row> = {
  id: string
  eventId: string
  index: number
  /** When the event happened (envelope timestamp), else when it arrived. */
  at: number
  fields: Partial<Row>
  metadata?: Record<string, unknown>
  tags?: string[]
}

export type TracePatch = Patch<TraceRow> & { kind: 'trace'; latencyGiven: boolean; usageGiven: boolean }
export type SpanPatch = Patch<SpanRow> & { kind: 'span'; traceId: string; costGiven: boolean }
export type SessionPatch = Patch<SessionRow> & { kind: 'session' }
export type ScorePatch = Patch<ScoreRow> & { kind: 'score' }
export type FeedbackPatch = Patch<FeedbackRow> & { kind: 'feedback' }

export type AnyPatch = TracePatch | SpanPatch | SessionPatch | ScorePatch | FeedbackPatch

/** Copies the defined values of `source` into columns named by `map` (field → column). */
export function pick<Row>(
  source: Record<string, unknown>,
  map: Record<string, keyof Row & string>,
): Partial<Row> {
  const out: Partial<Row> = {}
  for (const key in map) {
    const v = source[key]
    if (v !== undefined) (out as Record<string, unknown>)[map[key]!] = v
  }
  return out
}
