import { Badge } from '../../components/misc.js'
import type { EvaluationStatus, Overview } from '../../lib/api-types.js'
import { formatDateTime, formatInt } from '../../lib/format.js'
import type { SimulatedInfo } from './use-simulated.js'

/** Title, the exact window and what it is compared with, and where the data came from. */
export function OverviewHead({
  o,
  previousLabel,
  simulated,
  evals,
}: {
  o: Overview | null
  previousLabel: string
  simulated: SimulatedInfo | null
  evals: EvaluationStatus | null
}) {
  const queued = evals ? evals.jobs.pending + evals.jobs.running : 0
  return (
    <div class="page__head overview__head">
      <h1>Overview</h1>
      {o && (
        <span class="page__count" data-window={`${o.window.from}-${o.window.to}`}>
          {formatDateTime(o.window.from)} – {formatDateTime(o.window.to)} · compared with {previousLabel} ·{' '}
          {o.interval === 'hour' ? 'hourly' : 'daily (UTC)'} points
        </span>
      )}
      <span class="overview__badges">
        {simulated && simulated.traces.simulated > 0 && (
          <Badge
            tone="warn"
            title={`${simulated.traces.simulated} of the latest ${simulated.traces.sampled} traces in this view were answered by chatlens' simulated model, not a real LLM (no LLM endpoint was configured).`}
          >
            <span data-simulated="model">Simulated model</span>
          </Badge>
        )}
        {simulated && simulated.judge.simulated > 0 && (
          <Badge
            tone="warn"
            title={`${simulated.judge.simulated} of the latest ${simulated.judge.sampled} judge scores of this window came from chatlens' simulated judge, not a real LLM.`}
          >
            <span data-simulated="judge">Simulated judge</span>
          </Badge>
        )}
        {queued > 0 && (
          <Badge
            tone="accent"
            title="Evaluations waiting in the queue; figures of scores grow as they finish."
          >
            {formatInt(queued)} evaluations queued
          </Badge>
        )}
      </span>
    </div>
  )
}
