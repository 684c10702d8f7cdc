import { Badge } from '../../components/misc.js'
import type { MetricComparison } from '../../lib/api-types.js'
import { formatCost, formatMs, formatPercent } from '../../lib/format.js'
import { formatP } from '../experiments/figures.js'

/** A metric's value: pass rate as a percent, latency and cost in their units, scores as they are. */
export function metricValue(metric: string, v: number | null): string {
  if (v === null) return '–'
  if (metric === 'pass_rate') return formatPercent(v)
  if (metric === 'latency_ms') return formatMs(v)
  if (metric === 'cost_usd') return formatCost(v)
  return v.toFixed(3)
}

function delta(metric: string, d: number | null): string {
  if (d === null) return '–'
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±'
  if (metric === 'pass_rate') return `${sign}${Math.abs(d * 100).toFixed(1)} pts`
  return `${sign}${metricValue(metric, Math.abs(d))}`
}

/** Per metric over the items both runs have: means, the mean change, items better/worse, paired tests. */
export function CompareMetrics({ metrics }: { metrics: MetricComparison[] }) {
  return (
    <table class="table compare-metrics">
      <thead>
        <tr>
          <th>Metric</th>
          <th class="num">Items</th>
          <th class="num">Baseline</th>
          <th class="num">Candidate</th>
          <th class="num">Mean change (95 % CI)</th>
          <th class="num">Better · worse · same</th>
          <th class="num">Paired t</th>
          <th class="num">Sign test</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {metrics.map((m) => {
          const good = m.meanDelta !== null && (m.direction === 'higher' ? m.meanDelta > 0 : m.meanDelta < 0)
          return (
            <tr key={m.metric} data-metric={m.metric}>
              <td>
                <span class="strong">{m.metric}</span>{' '}
                <span class="muted small">
                  {m.direction === 'higher' ? 'higher is better' : 'lower is better'}
                </span>
              </td>
              <td class="num">{m.pairs}</td>
              <td class="num">{metricValue(m.metric, m.baselineMean)}</td>
              <td class="num">{metricValue(m.metric, m.candidateMean)}</td>
              <td class="num">
                <span class={m.significant ? (good ? 'text-ok' : 'text-error') : undefined}>
                  {delta(m.metric, m.meanDelta)}
                </span>
                {m.pairedT && (
                  <div class="muted small">
                    {delta(m.metric, m.pairedT.ci.lower)} … {delta(m.metric, m.pairedT.ci.upper)}
                  </div>
                )}
              </td>
              <td class="num">
                <span class="text-ok">{m.better}</span> · <span class="text-error">{m.worse}</span> · {m.same}
              </td>
              <td
                class="num"
                title={
                  m.pairedT ? `t = ${m.pairedT.t.toFixed(2)}, df = ${m.pairedT.df}` : 'fewer than 2 pairs'
                }
              >
                {m.pairedT ? `p ${formatP(m.pairedT.pValue)}` : '–'}
              </td>
              <td
                class="num"
                title={`${m.sign.positive} better, ${m.sign.negative} worse, ${m.sign.ties} ties`}
              >
                p {formatP(m.sign.pValue)}
              </td>
              <td>
                {m.significant && (
                  <Badge tone={good ? 'ok' : 'error'}>
                    {good ? 'significantly better' : 'significantly worse'}
                  </Badge>
                )}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
