import { Badge } from '../../components/misc.js'
import type { Anomaly, Trend } from '../../lib/api-types.js'
import { bucketLabel } from '../../lib/chart-style.js'
import { formatChange } from '../../lib/format.js'
import { metricLabel } from './metric-labels.js'

const SHOWN_CHANGES = 8

/** The buckets the API flagged as unusual against their seasonal baseline. */
export function AnomalyList({
  anomalies,
  interval,
  method,
}: {
  anomalies: Anomaly[]
  interval: 'hour' | 'day'
  method: string
}) {
  if (anomalies.length === 0)
    return (
      <p class="muted" title={method}>
        Nothing unusual: no point of the traffic, error rate, p95 latency, cost or quality series is far from
        its baseline.
      </p>
    )
  return (
    <ul class="signals" title={method}>
      {[...anomalies]
        .sort((a, b) => b.t - a.t)
        .map((a) => {
          const m = metricLabel(a.metric)
          return (
            <li key={`${a.metric}-${a.t}`} class="signal" data-anomaly={a.metric}>
              <Badge tone={a.direction === 'high' ? 'error' : 'warn'}>
                {a.direction === 'high' ? 'High' : 'Low'}
              </Badge>
              <span class="signal__what">
                <strong>{m.label}</strong> {m.format(a.value)}{' '}
                <span class="muted">
                  (usually {m.format(a.baseline)}, z = {a.z.toFixed(1)})
                </span>
              </span>
              <span class="signal__when muted">{bucketLabel(a.t, interval)}</span>
            </li>
          )
        })}
    </ul>
  )
}

/** Metrics whose change against the previous window is statistically significant. */
export function SignificantChanges({ trends }: { trends: Trend[] }) {
  const sig = trends.filter((t) => t.significant === true)
  if (sig.length === 0)
    return <p class="muted">No change against the previous window is significant at α = 0.05.</p>
  return (
    <ul class="signals">
      {sig.slice(0, SHOWN_CHANGES).map((t) => {
        const m = metricLabel(t.metric)
        const tone = t.improved === true ? 'ok' : t.improved === false ? 'error' : 'neutral'
        return (
          <li key={t.metric} class="signal" data-trend={t.metric}>
            <Badge tone={tone}>
              {t.direction === 'up' ? '▲' : t.direction === 'down' ? '▼' : '→'}{' '}
              {t.changePct === null ? 'new' : formatChange(t.changePct)}
            </Badge>
            <span class="signal__what">
              <strong>{m.label}</strong> {m.format(t.current)}{' '}
              <span class="muted">(was {m.format(t.previous)})</span>
            </span>
            <span class="signal__when muted" title={`p = ${t.pValue?.toPrecision(2)}`}>
              {t.pValue === null ? '' : t.pValue < 0.001 ? 'p < 0.001' : `p = ${t.pValue.toFixed(3)}`}
            </span>
          </li>
        )
      })}
      {sig.length > SHOWN_CHANGES && <li class="muted">and {sig.length - SHOWN_CHANGES} more</li>}
    </ul>
  )
}
