import type { TurnAnalysis } from '../../lib/api-types.js'
import { formatScore, humanize } from '../../lib/format.js'

/** Scores shown with each turn of a transcript, when the turn has them. */
const TURN_SCORES = ['quality', 'relevance', 'sentiment', 'toxicity'] as const

/** The stage chatlens detected for a turn (the rule's reason in the tooltip) and its main scores. */
export function TurnStage({ turn }: { turn: TurnAnalysis }) {
  return (
    <div class="turn__analysis">
      <span
        class={`stage stage--${turn.stage}`}
        title={`Detected stage: ${turn.why}`}
        data-stage={turn.stage}
      >
        {humanize(turn.stage)}
      </span>
      {TURN_SCORES.filter((n) => typeof turn.scores[n] === 'number').map((n) => (
        <span key={n} class="turn__score" title={`${n} score of this turn`}>
          {n} {formatScore(turn.scores[n] as number)}
        </span>
      ))}
    </div>
  )
}
