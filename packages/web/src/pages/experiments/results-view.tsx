import { ErrorBanner, Loading } from '../../components/misc.js'
import type { ExperimentResults } from '../../lib/api-types.js'
import { formatDateTime } from '../../lib/format.js'
import { useApi } from '../../lib/use-api.js'
import { MetricTable } from './metric-table.js'
import { RecommendationCard } from './recommendation-card.js'
import { VariantsTable } from './variants-table.js'

/** Results as the API computes them on each request: split, sample-ratio check, metrics, recommendation. */
export function ResultsView({ experimentKey, refresh }: { experimentKey: string; refresh: number }) {
  const results = useApi<ExperimentResults>(
    `/api/v1/experiments/${encodeURIComponent(experimentKey)}/results`,
    {},
    refresh,
  )
  if (results.error) return <ErrorBanner error={results.error} />
  if (!results.data) return <Loading label="Computing the results…" />
  const r = results.data
  return (
    <div class="results" data-computed-at={r.computedAt}>
      {r.srm?.mismatch && (
        <div class="banner banner--error" role="alert" data-srm="mismatch">
          Sample-ratio mismatch: the variants received {r.srm.observed.join(' / ')} units where the weights
          ask for {r.srm.expected.map((x) => Math.round(x)).join(' / ')} (p = {r.srm.pValue.toExponential(2)}
          ). The assignment or the logging is broken; no other figure here can be trusted until the cause is
          found.
        </div>
      )}
      {r.checks.warnings.map((w) => (
        <div key={w} class="banner banner--warn" role="status">
          {w}
        </div>
      ))}
      <RecommendationCard r={r} />
      <section class="panel" aria-label="Variants">
        <div class="chart-panel__head">
          <h2>Variants</h2>
          <span class="chart-panel__note">computed {formatDateTime(r.computedAt)}</span>
        </div>
        <VariantsTable r={r} />
      </section>
      <section class="panel" aria-label="Metrics">
        <div class="chart-panel__head">
          <h2>Metrics</h2>
          <span class="chart-panel__note">
            {r.mode === 'sequential'
              ? 'bars: always-valid interval (the fixed-horizon one as a line inside); AV = always-valid'
              : 'bars: 95 % interval of the relative change'}
            {' · '}p-values adjusted ({r.experiment.settings.correction}) across {r.metrics.length} metrics
          </span>
        </div>
        {r.metrics.length === 0 ? (
          <p class="muted">No metric has data yet: results appear as the variants' traces arrive.</p>
        ) : (
          <MetricTable r={r} />
        )}
      </section>
    </div>
  )
}
