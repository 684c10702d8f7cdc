import { useMemo } from 'preact/hooks'
import { Chart } from '../../components/chart.js'
import type { Anomaly, Point } from '../../lib/api-types.js'
import { textTooltip } from '../../lib/chart-safety.js'
import { type AxisParams, bucketLabel, COLOR, grid, timeAxis, valueAxis } from '../../lib/chart-style.js'
import { formatInt, formatMs, formatRate } from '../../lib/format.js'
import { anomalyMarks } from './anomaly-marks.js'

type Props = { points: Point[]; interval: 'hour' | 'day'; anomalies: Anomaly[] }

const pct = (v: number) => `${Math.round(v * 100)}%`
const secs = (v: number) => (v >= 1000 ? `${v / 1000} s` : `${v} ms`)

/** Interactions per bucket as bars, the error rate as a line on its own axis. */
export function TrafficChart({ points, interval, anomalies }: Props) {
  const option = useMemo(
    () => ({
      grid: grid({ legend: true, right: 52 }),
      legend: { top: 0, left: 70, textStyle: { fontSize: 11 } },
      tooltip: {
        trigger: 'axis',
        formatter: textTooltip<AxisParams>((ps) => {
          const p = points[ps[0]?.dataIndex ?? 0]
          if (!p) return []
          return [
            bucketLabel(p.start, interval),
            `Interactions: ${formatInt(p.interactions)} (${formatInt(p.conversations)} conversations started)`,
            `Errors: ${formatInt(p.errors)} · error rate ${formatRate(p.errorRate)}`,
          ]
        }),
      },
      xAxis: timeAxis(),
      yAxis: [
        valueAxis('Interactions', undefined, { minInterval: 1 }),
        valueAxis('Error rate', pct, {
          min: 0,
          splitLine: { show: false },
          nameTextStyle: { align: 'right', color: '#6b7280', fontSize: 11 },
        }),
      ],
      series: [
        {
          name: 'Interactions',
          type: 'bar',
          barMaxWidth: 18,
          itemStyle: { color: COLOR.accent, borderRadius: [2, 2, 0, 0] },
          data: points.map((p) => [p.start, p.interactions]),
          ...anomalyMarks(anomalies, 'interactions'),
        },
        {
          name: 'Error rate',
          type: 'line',
          yAxisIndex: 1,
          connectNulls: true,
          showSymbol: points.length <= 48,
          symbolSize: 5,
          itemStyle: { color: COLOR.bad },
          data: points.map((p) => [p.start, p.errorRate]),
          ...anomalyMarks(anomalies, 'errorRate'),
        },
      ],
    }),
    [points, interval, anomalies],
  )
  return (
    <Chart
      option={option}
      height={240}
      label={`Interactions and error rate per ${interval}`}
      data={{
        t: points.map((p) => p.start),
        interactions: points.map((p) => p.interactions),
        errorRate: points.map((p) => p.errorRate),
      }}
    />
  )
}

/** Median and 95th percentile of the response time per bucket. */
export function ResponseTimeChart({ points, interval, anomalies }: Props) {
  const option = useMemo(
    () => ({
      grid: grid({ legend: true }),
      legend: { top: 0, left: 70, textStyle: { fontSize: 11 } },
      tooltip: {
        trigger: 'axis',
        formatter: textTooltip<AxisParams>((ps) => {
          const p = points[ps[0]?.dataIndex ?? 0]
          if (!p) return []
          return [
            bucketLabel(p.start, interval),
            `p50 ${formatMs(p.latencyP50Ms)} · p95 ${formatMs(p.latencyP95Ms)}`,
            `mean ${formatMs(p.latencyMeanMs)} over ${formatInt(p.interactions)} interactions`,
          ]
        }),
      },
      xAxis: timeAxis(),
      yAxis: valueAxis('Response time', secs, { min: 0 }),
      series: [
        { key: 'latencyP50Ms', name: 'p50 (median)', color: COLOR.accent },
        { key: 'latencyP95Ms', name: 'p95', color: COLOR.bad },
      ].map((s) => ({
        name: s.name,
        type: 'line',
        connectNulls: true,
        showSymbol: points.length <= 48,
        symbolSize: 5,
        itemStyle: { color: s.color },
        data: points.map((p) => [p.start, p[s.key as 'latencyP50Ms' | 'latencyP95Ms']]),
        ...(s.key === 'latencyP95Ms' && anomalyMarks(anomalies, 'latencyP95Ms')),
      })),
    }),
    [points, interval, anomalies],
  )
  return (
    <Chart
      option={option}
      height={240}
      label={`Median and 95th percentile response time per ${interval}`}
      data={{
        t: points.map((p) => p.start),
        p50: points.map((p) => p.latencyP50Ms),
        p95: points.map((p) => p.latencyP95Ms),
      }}
    />
  )
}
