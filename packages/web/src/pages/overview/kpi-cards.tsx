import type { ComponentChildren } from 'preact'
import type { EvaluationStatus, Kpi, Overview } from '../../lib/api-types.js'
import { formatCost, formatInt, formatMs, formatRate } from '../../lib/format.js'
import { changeView, KPI_CARDS, type KpiDef } from './kpis.js'

function KpiCard({
  def,
  k,
  previousLabel,
  sub,
}: {
  def: KpiDef
  k: Kpi
  previousLabel: string
  sub?: ComponentChildren
}) {
  const change = changeView(k, def.format, previousLabel)
  return (
    <div class="kpi" data-kpi={def.key} data-value={k.current === null ? '' : String(k.current)}>
      <div class="kpi__label" title={def.what}>
        {def.label}
      </div>
      <div class="kpi__value">{def.format(k.current)}</div>
      <div class={`kpi__change kpi__change--${change.tone}`} title={change.title}>
        {change.arrow && <span aria-hidden="true">{change.arrow} </span>}
        {change.text}
        {k.significant === true && (
          <span class="kpi__sig" title={change.title}>
            significant
          </span>
        )}
      </div>
      {sub && <div class="kpi__sub">{sub}</div>}
    </div>
  )
}

/** A second line under each card, from the same answer of the API. */
function subLines(o: Overview, evals: EvaluationStatus | null): Record<string, ComponentChildren> {
  const m = o.metrics
  const queued = evals ? evals.jobs.pending + evals.jobs.running : null
  return {
    conversations:
      m.conversation.turnsMean === null ? null : `${m.conversation.turnsMean.toFixed(1)} turns on average`,
    interactions: `${formatInt(m.tokens.total)} tokens`,
    costUsd: `${formatCost(o.kpis.costPerConversationUsd?.current)} per conversation`,
    avgLatencyMs: `first token after ${formatMs(m.timeToFirstTokenMs.mean)}`,
    p95LatencyMs: `p99 ${formatMs(m.latencyMs.p99)}`,
    avgRelevance: `${formatInt(m.scores.relevance?.n ?? 0)} scored`,
    qualityMean: `${formatRate(o.kpis.highQualityShare?.current)} high quality (≥ 0.8)`,
    evaluated: `of ${formatInt(m.interactions)}${queued ? ` · ${formatInt(queued)} in the queue` : ''}`,
    errorRate: `${formatInt(m.errors)} failed`,
    satisfaction: `${formatInt(m.conversation.satisfaction.n)} rated · ${formatRate(m.conversation.resolutionRate)} resolved`,
  }
}

/** The headline figures with their change against the previous window of the same length. */
export function KpiCards({
  o,
  evals,
  previousLabel,
}: {
  o: Overview
  evals: EvaluationStatus | null
  previousLabel: string
}) {
  const subs = subLines(o, evals)
  return (
    <div class="kpis">
      {KPI_CARDS.map((def) => {
        const k = o.kpis[def.key]
        return k ? (
          <KpiCard key={def.key} def={def} k={k} previousLabel={previousLabel} sub={subs[def.key]} />
        ) : null
      })}
    </div>
  )
}
