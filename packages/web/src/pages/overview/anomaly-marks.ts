import type { Anomaly } from '../../lib/api-types.js'
import { COLOR } from '../../lib/chart-style.js'

/**
 * Marks the anomalies the API flagged on one series: a pin at each flagged bucket, red when
 * high, amber when low. The pin's label is drawn on the canvas (no HTML).
 */
export function anomalyMarks(anomalies: Anomaly[], metric: string): { markPoint?: Record<string, unknown> } {
  const mine = anomalies.filter((a) => a.metric === metric)
  if (mine.length === 0) return {}
  return {
    markPoint: {
      symbol: 'pin',
      symbolSize: 34,
      label: { fontSize: 10, color: '#fff', formatter: '!' },
      tooltip: { show: false },
      data: mine.map((a) => ({
        coord: [a.t, a.value],
        itemStyle: { color: a.direction === 'high' ? COLOR.bad : COLOR.mid },
      })),
    },
  }
}
