import type { Feedback, Score } from '../lib/api-types.js'
import { formatDateTime, formatPercent, formatScore } from '../lib/format.js'
import { Badge } from './misc.js'

/** Scores with where they came from and the evaluator's comment (its explanation). */
export function ScoreList({ scores, empty = 'No scores yet.' }: { scores: Score[]; empty?: string }) {
  if (scores.length === 0) return <p class="muted">{empty}</p>
  return (
    <ul class="scores">
      {scores.map((s) => (
        <li key={s.id} class="score" data-score={s.name}>
          <div class="score__head">
            <span class="score__name">{s.name}</span>
            <span class="score__value">{s.stringValue ?? formatScore(s.value)}</span>
            {s.dataType === 'numeric' && s.value !== null && s.value >= 0 && s.value <= 1 && (
              <span class="meter" aria-hidden="true">
                <span style={{ width: `${s.value * 100}%` }} />
              </span>
            )}
            <Badge tone="neutral" title={s.evaluatorVersion ? `version ${s.evaluatorVersion}` : undefined}>
              {s.source}
              {s.evaluator ? ` · ${s.evaluator}` : ''}
            </Badge>
          </div>
          {s.comment && <p class="score__comment">{s.comment}</p>}
        </li>
      ))}
    </ul>
  )
}

function feedbackSummary(f: Feedback): string[] {
  const parts: string[] = []
  if (f.rating !== null) parts.push(`Rating ${f.rating}/5`)
  if (f.satisfaction !== null) parts.push(`Satisfaction ${formatPercent(f.satisfaction)}`)
  return parts
}

/** What end users said: thumbs, rating, satisfaction, comment and correction. */
export function FeedbackList({ feedback }: { feedback: Feedback[] }) {
  if (feedback.length === 0) return <p class="muted">No feedback from users.</p>
  return (
    <ul class="feedback">
      {feedback.map((f) => (
        <li key={f.id} class="feedback__item">
          <div class="feedback__head">
            {f.thumbs && (
              <Badge tone={f.thumbs === 'up' ? 'ok' : 'error'}>
                {f.thumbs === 'up' ? 'Thumbs up' : 'Thumbs down'}
              </Badge>
            )}
            <strong>{feedbackSummary(f).join(' · ')}</strong>
            <span class="muted">
              {f.userId ? `${f.userId} · ` : ''}
              {formatDateTime(f.timestamp)}
            </span>
          </div>
          {f.comment && <p class="feedback__text">“{f.comment}”</p>}
          {f.correction && (
            <p class="feedback__text">
              <span class="muted">Correction: </span>
              {f.correction}
            </p>
          )}
        </li>
      ))}
    </ul>
  )
}
