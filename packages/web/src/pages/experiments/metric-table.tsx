import { IntervalBar } from '../../components/interval-bar.js'
import { Badge } from '../../components/misc.js'
import type { Comparison, ExperimentResults, MetricResult } from '../../lib/api-types.js'
import { formatInt } from '../../lib/format.js'
import {
  drawnIntervals,
  formatInterval,
  formatLift,
  formatMetric,
  formatP,
  sharedDomain,
  VERDICT,
} from './figures.js'

const ROLE_TONE = { primary: 'accent', guardrail: 'warn', secondary: 'neutral' } as const

function ComparisonCells({
  m,
  c,
  sequential,
  domain,
  band,
}: {
  m: MetricResult
  c: Comparison
  sequential: boolean
  domain: number
  band: number
}) {
  const d = drawnIntervals(c, sequential)
  const verdict = VERDICT[c.verdict]
  const tone = c.verdict === 'better' ? 'good' : c.verdict === 'worse' ? 'bad' : 'neutral'
  return (
    <>
      <td class="num">
        <div class="strong">{formatLift(c.relativeLift?.estimate ?? null, c.difference)}</div>
        <div class="muted small" data-ci="fixed">
          {formatInterval(c.relativeLift?.ci)}
        </div>
        {c.sequential && (
          <div class="muted small" data-ci="always-valid" title="always-valid (sequential) interval">
            AV {formatInterval(c.sequential.ciRelative)}
          </div>
        )}
      </td>
      <td class="ci-cell">
        {d.main || d.inner ? (
          <IntervalBar
            ci={d.main}
            inner={d.inner}
            estimate={d.estimate}
            domain={domain}
            band={band}
            tone={tone}
            label={`${m.label}: ${c.variant} against ${c.control}, ${formatInterval(d.main)}`}
          />
        ) : (
          <span class="muted small">no relative interval</span>
        )}
      </td>
      <td class="num" data-p>
        <div>{formatP(c.pValue)}</div>
        <div class="muted small" title="adjusted for the number of metrics">
          adj. {formatP(c.pValueAdjusted)}
        </div>
        {c.sequential && (
          <div class="muted small" title="always-valid p-value, adjusted">
            AV adj. {formatP(c.sequential.pValueAdjusted)}
          </div>
        )}
      </td>
      <td class="small">
        <Badge tone={verdict.tone}>{verdict.label}</Badge>
        <div class="muted" title="the smallest change this sample detects with the planned power">
          MDE{' '}
          {c.mde?.relative != null
            ? `±${(c.mde.relative * 100).toFixed(1)} %`
            : formatMetric(m, c.mde?.absolute ?? null)}
        </div>
        {c.unitsNeededPerArm !== null && (
          <div class="muted" title="units per variant needed to detect the minimum effect">
            needs {formatInt(c.unitsNeededPerArm)} / arm
          </div>
        )}
      </td>
    </>
  )
}

/** Every metric per variant, and each variant against the control: lift, interval, p-values, verdict, power. */
export function MetricTable({ r }: { r: ExperimentResults }) {
  const sequential = r.mode === 'sequential'
  const band = r.experiment.settings.minimumEffect
  const primary = r.metrics.find((m) => m.role === 'primary')
  const domain = sharedDomain(primary?.comparisons.map((c) => drawnIntervals(c, sequential).main) ?? [], band)
  const variants = r.experiment.variants
  return (
    <table class="table metrics-table">
      <thead>
        <tr>
          <th>Metric</th>
          {variants.map((v) => (
            <th key={v.key} class="num">
              {v.key}
              {v.key === r.experiment.control ? ' (control)' : ''}
            </th>
          ))}
          {variants.length > 2 && <th>Variant</th>}
          <th class="num">Change (95 % CI)</th>
          <th
            title={`The axis spans ±${Math.round(domain * 100)} %; the shaded zone, ±${Math.round(band * 100)} %, holds changes smaller than the minimum effect`}
          >
            Interval <span class="muted">(±{Math.round(domain * 100)} %)</span>
          </th>
          <th class="num">p</th>
          <th>Verdict · power</th>
        </tr>
      </thead>
      <tbody>
        {r.metrics.flatMap((m) =>
          m.comparisons.map((c, k) => (
            <tr
              key={`${m.id}:${c.variant}`}
              data-metric={m.id}
              data-variant={c.variant}
              data-verdict={c.verdict}
              class={`role-${m.role}`}
            >
              {k === 0 && (
                <td rowSpan={m.comparisons.length}>
                  <div class="strong">{m.label}</div>
                  <div class="small">
                    {m.role !== 'secondary' && <Badge tone={ROLE_TONE[m.role]}>{m.role}</Badge>}{' '}
                    <span class="muted">
                      {m.direction === 'higher' ? 'higher is better' : 'lower is better'}
                    </span>
                  </div>
                </td>
              )}
              {k === 0 &&
                m.arms.map((a) => (
                  <td key={a.variant} class="num" rowSpan={m.comparisons.length} data-arm={a.variant}>
                    <div>{formatMetric(m, a.mean)}</div>
                    <div class="muted small" title={`${a.observations} observations`}>
                      n = {formatInt(a.units)}
                      {a.standardError !== null && ` · ± ${formatMetric(m, a.standardError)}`}
                    </div>
                  </td>
                ))}
              {variants.length > 2 && <td>{c.variant}</td>}
              <ComparisonCells m={m} c={c} sequential={sequential} domain={domain} band={band} />
            </tr>
          )),
        )}
      </tbody>
    </table>
  )
}
