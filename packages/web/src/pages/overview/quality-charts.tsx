import { useMemo } from 'preact/hooks'
import { LOWER_IS_BETTER_SCORES } from '../../../../server/src/analytics/thresholds.js'
import { Chart } from '../../components/chart.js'
import type { Anomaly, Metrics, Point } from '../../lib/api-types.js'
import { textTooltip } from '../../lib/chart-safety.js'
import { type AxisParams, bucketLabel, grid, PALETTE, timeAxis, valueAxis } from '../../lib/chart-style.js'
import { formatScore } from '../../lib/format.js'
import { anomalyMarks } from './anomaly-marks.js'

/** Lines shown at first; every other numeric score is in the legend, one click away. */
const SHOWN_FIRST = ['relevance', 'coherence', 'quality', 'sentiment', 'toxicity']

/** Numeric score names in the series, the usual ones first. */
export function scoreNames(points: Point[]): string[] {
  const names = new Set<string>()
  for (const p of points) for (const [k, v] of Object.entries(p.scores)) if (v !== null) names.add(k)
  const rank = (n: string) => (SHOWN_FIRST.includes(n) ? SHOWN_FIRST.indexOf(n) : SHOWN_FIRST.length)
  return [...names].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
}

const MIN_HEIGHT_PX = 300
const BAR_ROW_PX = 18

/** Both quality charts share a row: as tall as the bars of `scores` need, at least 300 px. */
export function qualityChartHeight(metrics: Metrics): number {
  const rows = Object.values(metrics.scores).filter((s) => s.mean !== null && s.n > 0).length
  return Math.max(MIN_HEIGHT_PX, 66 + rows * BAR_ROW_PX)
}

export const lowerIsBetter = (name: string) => LOWER_IS_BETTER_SCORES.has(name) || name === 'judge_toxicity'

export function QualityOverTime({
  points,
  interval,
  anomalies,
  height,
}: {
  points: Point[]
  interval: 'hour' | 'day'
  anomalies: Anomaly[]
  height: number
}) {
  const names = useMemo(() => scoreNames(points), [points])
  const option = useMemo(
    () => ({
      color: PALETTE,
      grid: grid({ legend: true }),
      legend: {
        type: 'scroll',
        top: 0,
        left: 70,
        right: 8,
        textStyle: { fontSize: 11 },
        selected: Object.fromEntries(names.map((n) => [n, SHOWN_FIRST.includes(n)])),
      },
      tooltip: {
        trigger: 'axis',
        formatter: textTooltip<AxisParams>((ps) => [
          bucketLabel(points[ps[0]?.dataIndex ?? 0]?.start ?? 0, interval),
          ...ps.map((p) => `${p.seriesName}: ${formatScore(Array.isArray(p.value) ? p.value[1] : null)}`),
        ]),
      },
      xAxis: timeAxis(),
      yAxis: valueAxis('Mean score (0–1)', undefined, { min: 0, max: 1 }),
      series: names.map((name) => ({
        name,
        type: 'line',
        connectNulls: true,
        showSymbol: points.length <= 48,
        symbolSize: 5,
        data: points.map((p) => [p.start, p.scores[name] ?? null]),
        ...(name === 'quality' && anomalyMarks(anomalies, 'qualityMean')),
      })),
    }),
    [points, names, anomalies, interval],
  )
  const data = {
    t: points.map((p) => p.start),
    scores: Object.fromEntries(names.map((n) => [n, points.map((p) => p.scores[n] ?? null)])),
  }
  return (
    <Chart
      option={option}
      height={height}
      label={`Mean of ${names.length} quality scores per ${interval}`}
      data={data}
    />
  )
}
