import type { Score, Span } from '../../lib/api-types.js'
import { formatScore } from '../../lib/format.js'

/** Every score of the trace in one list; a click selects what it is attached to. */
export function ScoreIndex({
  scores,
  spans,
  onSelect,
}: {
  scores: Score[]
  spans: Span[]
  onSelect(spanId: string | null): void
}) {
  if (scores.length === 0) return null
  const names = new Map(spans.map((s) => [s.id, s.name ?? s.kind]))
  return (
    <div class="section">
      <div class="section__head">
        <h3>All scores ({scores.length})</h3>
      </div>
      <ul class="score-index">
        {scores.map((s) => (
          <li key={s.id}>
            <button type="button" onClick={() => onSelect(s.spanId)} title={s.comment ?? undefined}>
              <span class="truncate">{s.name}</span>
              <span class="score-index__value">{s.stringValue ?? formatScore(s.value)}</span>
              <span class="truncate muted">
                on {s.spanId ? (names.get(s.spanId) ?? 'a span') : 'the trace'}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}
