import { Badge } from '../../components/misc.js'
import type { ExperimentResults } from '../../lib/api-types.js'
import { formatInt } from '../../lib/format.js'
import { formatLift } from './figures.js'

const DECISION = {
  ship: { title: (w: string | null) => `Ship ${w}`, tone: 'ok' },
  keep_control: { title: () => 'Keep the control', tone: 'error' },
  keep_running: { title: () => 'Keep running', tone: 'accent' },
  no_difference: { title: () => 'No difference', tone: 'neutral' },
  investigate: { title: () => 'Investigate', tone: 'error' },
} as const

/** The API's recommendation: the decision, why, what the winner trades off, and what is still needed. */
export function RecommendationCard({ r }: { r: ExperimentResults }) {
  const rec = r.recommendation
  const d = DECISION[rec.decision]
  return (
    <section
      class={`panel recommendation recommendation--${d.tone}`}
      aria-label="Recommendation"
      data-decision={rec.decision}
    >
      <div class="recommendation__head">
        <span class="muted small">Recommendation</span>
        <Badge tone={d.tone}>
          <span data-recommendation={rec.decision}>{d.title(rec.winner)}</span>
        </Badge>
        <span class="muted small">
          {r.mode === 'sequential' ? 'always-valid statistics' : 'fixed-horizon statistics'}
        </span>
      </div>
      <p class="recommendation__summary">{rec.summary}</p>
      {rec.reasons.length > 0 && (
        <ul class="recommendation__reasons">
          {rec.reasons.map((reason, i) => (
            <li key={i}>{reason}</li>
          ))}
        </ul>
      )}
      {rec.guardrailBreaches.length > 0 && (
        <p class="text-error small">
          Guardrails broken:{' '}
          {rec.guardrailBreaches
            .map((b) => `${b.variant} ${b.label} ${formatLift(b.relativeLift, b.difference)}`)
            .join('; ')}
        </p>
      )}
      {rec.tradeOffs.length > 0 && (
        <div class="recommendation__tradeoffs">
          <span class="muted small">Also changed:</span>
          {rec.tradeOffs.map((t) => (
            <Badge key={`${t.variant}:${t.metric}`} tone={t.verdict === 'better' ? 'ok' : 'error'}>
              {t.label} {formatLift(t.relativeLift, t.difference)}
            </Badge>
          ))}
        </div>
      )}
      {rec.unitsNeeded && (
        <p class="small">
          The primary metric needs {formatInt(rec.unitsNeeded.perArm)} units per variant:{' '}
          <strong>{formatInt(rec.unitsNeeded.more)} more</strong> to assign at the current weights.
        </p>
      )}
    </section>
  )
}
