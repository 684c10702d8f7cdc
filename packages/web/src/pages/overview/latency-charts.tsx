import { useMemo } from 'preact/hooks'
import { Chart } from '../../components/chart.js'
import type { Overview } from '../../lib/api-types.js'
import { textTooltip } from '../../lib/chart-safety.js'
import { COLOR, categoryAxis, grid, valueAxis } from '../../lib/chart-style.js'
import { formatInt, formatMs, formatScore } from '../../lib/format.js'
import { navigate } from '../../lib/router.js'

const secs = (ms: number) => String(ms / 1000)

/** "≤0.25", ">10": a bin by its upper bound in seconds (the tooltip gives both bounds). */
export function binLabel(b: Overview['latencyHistogram'][number]): string {
  return b.toMs === null ? `>${secs(b.fromMs)}` : `≤${secs(b.toMs)}`
}

/** How many interactions took how long (bins from the API's sketch, within 1 % of their edges). */
export function LatencyHistogram({ bins }: { bins: Overview['latencyHistogram'] }) {
  const option = useMemo(
    () => ({
      grid: grid({ left: 56 }),
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: textTooltip<{ dataIndex: number }[]>((ps) => {
          const b = bins[ps[0]?.dataIndex ?? 0]
          if (!b) return []
          const range =
            b.toMs === null ? `${formatMs(b.fromMs)} or more` : `${formatMs(b.fromMs)} to ${formatMs(b.toMs)}`
          return [range, `${formatInt(b.count)} interactions`]
        }),
      },
      xAxis: categoryAxis('Response time, up to (s)', bins.map(binLabel), {
        axisLabel: { fontSize: 10, color: '#4b5263', interval: 0 },
      }),
      yAxis: valueAxis('Interactions', undefined, { minInterval: 1 }),
      series: [
        {
          type: 'bar',
          barCategoryGap: '12%',
          itemStyle: { color: COLOR.accent, borderRadius: [2, 2, 0, 0] },
          data: bins.map((b) => b.count),
        },
      ],
    }),
    [bins],
  )
  return (
    <Chart
      option={option}
      height={230}
      label="Number of interactions per response-time range"
      data={bins.map((b) => b.count)}
    />
  )
}

/** Quality against latency of the latest scored interactions; a click opens the trace. */
export function QualityLatencyScatter({
  points,
  carry,
}: {
  points: Overview['qualityVsLatency']
  carry: string
}) {
  const option = useMemo(
    () => ({
      grid: grid({ left: 56 }),
      tooltip: {
        trigger: 'item',
        formatter: textTooltip<{ dataIndex: number }>((p) => {
          const d = points[p.dataIndex]
          if (!d) return []
          return [
            `Trace ${d.traceId}`,
            `latency ${formatMs(d.latencyMs)} · quality ${formatScore(d.quality)}`,
            'click to open',
          ]
        }),
      },
      xAxis: valueAxis('Response time (s)', (v: number) => secs(v), {
        nameLocation: 'middle',
        nameGap: 28,
        min: 0,
      }),
      yAxis: valueAxis('Quality (0–1)', undefined, { min: 0, max: 1 }),
      series: [
        {
          type: 'scatter',
          symbolSize: 6,
          itemStyle: { color: COLOR.accent, opacity: 0.55 },
          data: points.map((d) => [d.latencyMs, d.quality]),
        },
      ],
    }),
    [points],
  )
  return (
    <Chart
      option={option}
      height={230}
      label={`Quality against response time of the latest ${points.length} scored interactions`}
      data={{ n: points.length }}
      onPointClick={({ dataIndex }) => {
        const d = points[dataIndex]
        if (d) navigate(`/traces/${encodeURIComponent(d.traceId)}${carry}`)
      }}
    />
  )
}
