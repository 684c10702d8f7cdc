import { useMemo } from 'preact/hooks'
import { Chart } from '../../components/chart.js'
import type { Trace } from '../../lib/api-types.js'
import { textTooltip } from '../../lib/chart-safety.js'
import { previewText } from '../../lib/chat-messages.js'
import { formatCost, formatMs } from '../../lib/format.js'

type AxisParam = { dataIndex: number }[]
const TIP_PREVIEW_CHARS = 80

/** Latency of each turn as bars; the tooltip quotes the user's message (as text). */
export function TurnChart({ turns }: { turns: Trace[] }) {
  const option = useMemo(
    () => ({
      grid: { left: 48, right: 12, top: 24, bottom: 24 },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: textTooltip<AxisParam>((params) => {
          const t = turns[params[0]?.dataIndex ?? 0]
          if (!t) return []
          const q = previewText(t.input, 'user')
          return [
            `Turn ${turns.indexOf(t) + 1} · ${t.status === 'error' ? 'error' : 'ok'}`,
            `Latency ${formatMs(t.latencyMs)} · cost ${formatCost(t.costUsd)}`,
            q.length > TIP_PREVIEW_CHARS ? `${q.slice(0, TIP_PREVIEW_CHARS)}…` : q,
          ]
        }),
      },
      xAxis: { type: 'category', data: turns.map((_, i) => `#${i + 1}`), axisTick: { show: false } },
      yAxis: {
        type: 'value',
        name: 'ms',
        nameGap: 10,
        nameTextStyle: { align: 'right' },
        axisLabel: { fontSize: 11 },
        splitLine: { lineStyle: { color: '#eef0f3' } },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 28,
          data: turns.map((t) => ({
            value: t.latencyMs ?? 0,
            itemStyle: { color: t.status === 'error' ? '#dc2626' : '#5b5bd6', borderRadius: [3, 3, 0, 0] },
          })),
        },
      ],
    }),
    [turns],
  )
  return <Chart option={option} height={150} label={`Latency of each of the ${turns.length} turns`} />
}
