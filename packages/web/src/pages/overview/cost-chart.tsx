import { useMemo } from 'preact/hooks'
import { Chart } from '../../components/chart.js'
import type { Point } from '../../lib/api-types.js'
import { textTooltip } from '../../lib/chart-safety.js'
import { type AxisParams, bucketLabel, COLOR, grid, timeAxis, valueAxis } from '../../lib/chart-style.js'
import { formatCost, formatInt } from '../../lib/format.js'

/** Cost per conversation for the conversations that started in each bucket. */
export function CostPerConversationChart({
  points,
  interval,
}: {
  points: Point[]
  interval: 'hour' | 'day'
}) {
  const option = useMemo(
    () => ({
      grid: grid({ left: 70 }),
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: textTooltip<AxisParams>((ps) => {
          const p = points[ps[0]?.dataIndex ?? 0]
          if (!p) return []
          return [
            bucketLabel(p.start, interval),
            `${formatCost(p.costPerConversationUsd)} per conversation (${formatInt(p.conversations)} started)`,
            `total cost of the bucket's interactions ${formatCost(p.costUsd)}`,
          ]
        }),
      },
      xAxis: timeAxis(),
      yAxis: valueAxis('USD per conversation', (v) => formatCost(v), { min: 0 }),
      series: [
        {
          name: 'Cost per conversation',
          type: 'bar',
          barMaxWidth: 18,
          itemStyle: { color: COLOR.teal, borderRadius: [2, 2, 0, 0] },
          data: points.map((p) => [p.start, p.costPerConversationUsd]),
        },
      ],
    }),
    [points, interval],
  )
  return (
    <Chart
      option={option}
      height={220}
      label={`Cost per conversation per ${interval}, in US dollars`}
      data={{
        t: points.map((p) => p.start),
        costPerConversationUsd: points.map((p) => p.costPerConversationUsd),
      }}
    />
  )
}
