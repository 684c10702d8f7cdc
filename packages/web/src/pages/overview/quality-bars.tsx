import { useMemo } from 'preact/hooks'
import { Chart } from '../../components/chart.js'
import type { Metrics } from '../../lib/api-types.js'
import { textTooltip } from '../../lib/chart-safety.js'
import { type AxisParams, COLOR, categoryAxis, grid, valueAxis } from '../../lib/chart-style.js'
import { formatInt, formatScore } from '../../lib/format.js'
import { lowerIsBetter, qualityChartHeight } from './quality-charts.js'

/** The window's mean of every numeric score as bars; lower-is-better scores are marked. */
export function CurrentQuality({ metrics }: { metrics: Metrics }) {
  const rows = useMemo(
    () =>
      Object.entries(metrics.scores)
        .filter(([, s]) => s.mean !== null && s.n > 0)
        .map(([name, s]) => ({ name, mean: s.mean!, n: s.n }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [metrics],
  )
  const option = useMemo(
    () => ({
      grid: grid({ left: 150, right: 44, bottom: 36 }),
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: textTooltip<AxisParams>((ps) => {
          const r = rows[ps[0]?.dataIndex ?? 0]
          if (!r) return []
          return [
            r.name,
            `mean ${formatScore(r.mean)} over ${formatInt(r.n)} ${r.n === 1 ? 'score' : 'scores'}`,
            lowerIsBetter(r.name) ? 'lower is better' : 'higher is better',
          ]
        }),
      },
      xAxis: valueAxis('Mean score (0–1)', undefined, {
        min: 0,
        max: 1,
        nameLocation: 'middle',
        nameGap: 24,
      }),
      yAxis: categoryAxis(
        '',
        rows.map((r) => (lowerIsBetter(r.name) ? `${r.name} ↓` : r.name)),
        { inverse: true, axisLabel: { fontSize: 11, color: '#4b5263', width: 140, overflow: 'truncate' } },
      ),
      series: [
        {
          type: 'bar',
          barMaxWidth: 14,
          label: {
            show: true,
            position: 'right',
            fontSize: 11,
            formatter: (p: { value: number }) => formatScore(p.value),
          },
          data: rows.map((r) => ({
            value: r.mean,
            itemStyle: {
              color: lowerIsBetter(r.name) ? COLOR.mid : COLOR.accent,
              borderRadius: [0, 3, 3, 0],
            },
          })),
        },
      ],
    }),
    [rows],
  )
  return (
    <Chart
      option={option}
      height={qualityChartHeight(metrics)}
      label={`Mean of each of the ${rows.length} quality scores in the window`}
      data={Object.fromEntries(rows.map((r) => [r.name, r.mean]))}
    />
  )
}
