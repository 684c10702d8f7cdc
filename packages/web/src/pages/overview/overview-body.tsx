import type { ComponentChildren } from 'preact'
import type { EvaluationStatus, Overview } from '../../lib/api-types.js'
import { formatInt } from '../../lib/format.js'
import { Categories, SentimentSplit } from './breakdowns.js'
import { CostPerConversationChart } from './cost-chart.js'
import { KpiCards } from './kpi-cards.js'
import { LatencyHistogram, QualityLatencyScatter } from './latency-charts.js'
import { CurrentQuality } from './quality-bars.js'
import { QualityOverTime, qualityChartHeight } from './quality-charts.js'
import { AnomalyList, SignificantChanges } from './signals.js'
import { ResponseTimeChart, TrafficChart } from './time-charts.js'

function Panel({
  id,
  title,
  note,
  children,
  wide = false,
}: {
  id: string
  title: string
  note?: ComponentChildren
  children: ComponentChildren
  wide?: boolean
}) {
  return (
    <section
      class={`panel chart-panel${wide ? ' chart-panel--wide' : ''}`}
      data-panel={id}
      aria-label={title}
    >
      <div class="chart-panel__head">
        <h2>{title}</h2>
        {note && <span class="chart-panel__note">{note}</span>}
      </div>
      {children}
    </section>
  )
}

export function OverviewBody({
  o,
  evals,
  previousLabel,
  carry,
  stale,
}: {
  o: Overview
  evals: EvaluationStatus | null
  previousLabel: string
  carry: string
  stale: boolean
}) {
  const per = o.interval === 'hour' ? 'per hour' : 'per day'
  const anomalies = o.anomalies
  return (
    <div class={`overview${stale ? ' is-stale' : ''}`}>
      <KpiCards o={o} evals={evals} previousLabel={previousLabel} />
      <div class="overview__grid">
        <Panel
          id="quality-trend"
          title="Quality over time"
          note={`mean score ${per}; click a name to show or hide it`}
        >
          <QualityOverTime
            points={o.series}
            interval={o.interval}
            anomalies={anomalies}
            height={qualityChartHeight(o.metrics)}
          />
        </Panel>
        <Panel id="quality-now" title="Quality scores now" note="mean over the window; ↓ lower is better">
          <CurrentQuality metrics={o.metrics} />
        </Panel>
        <Panel id="traffic" title="Traffic and errors" note={per}>
          <TrafficChart points={o.series} interval={o.interval} anomalies={anomalies} />
        </Panel>
        <Panel id="response-time" title="Response time" note={`p50 and p95 ${per}`}>
          <ResponseTimeChart points={o.series} interval={o.interval} anomalies={anomalies} />
        </Panel>
        <Panel
          id="latency-histogram"
          title="Latency distribution"
          note={`${formatInt(o.metrics.latencyMs.n)} interactions`}
        >
          <LatencyHistogram bins={o.latencyHistogram} />
        </Panel>
        <Panel
          id="quality-latency"
          title="Quality vs latency"
          note={`latest ${formatInt(o.qualityVsLatency.length)} scored; click a point`}
        >
          <QualityLatencyScatter points={o.qualityVsLatency} carry={carry} />
        </Panel>
        <Panel
          id="cost"
          title="Cost per conversation"
          note={`USD, by the ${o.interval} the conversation started`}
        >
          <CostPerConversationChart points={o.series} interval={o.interval} />
        </Panel>
        <Panel id="sentiment" title="Sentiment">
          <SentimentSplit s={o.metrics.sentiment} />
          <h3 class="chart-panel__sub">Query categories</h3>
          <Categories categories={o.metrics.categories} interactions={o.metrics.interactions} />
        </Panel>
        <Panel id="signals" title="Anomalies and significant changes" note={`against ${previousLabel}`} wide>
          <AnomalyList anomalies={anomalies} interval={o.interval} method={o.anomalyMethod} />
          <h3 class="chart-panel__sub">Significant changes</h3>
          <SignificantChanges trends={o.trends} />
        </Panel>
      </div>
    </div>
  )
}
