import { formatLift, formatNumber, formatP, pClause } from '../../../../server/src/experiments/format.js'
import type { Comparison, MetricResult } from '../../lib/api-types.js'
import { formatCost, formatMs } from '../../lib/format.js'

export { formatLift, formatP, pClause }

type Interval = { lower: number; upper: number }

/** A metric's value in its unit: ms, dollars, a rate as a percent, else four significant digits. */
export function formatMetric(m: Pick<MetricResult, 'unit' | 'kind'>, v: number | null): string {
  if (v === null) return '–'
  if (m.unit === 'ms') return formatMs(v)
  if (m.unit === 'USD') return formatCost(v)
  if (m.kind === 'rate') return `${(v * 100).toFixed(1)} %`
  return formatNumber(v)
}

/** "+14 % … +35 %". */
export const formatInterval = (ci: Interval | null | undefined) =>
  ci ? `${formatLift(ci.lower, null)} … ${formatLift(ci.upper, null)}` : '–'

/**
 * The intervals of a comparison as the bar draws them, relative to the control: the always-valid
 * one when the experiment is sequential (the fixed-horizon one inside it), else the fixed one.
 */
export function drawnIntervals(c: Comparison, sequential: boolean) {
  const fixed = c.relativeLift?.ci ?? null
  const always = c.sequential?.ciRelative ?? null
  return {
    estimate: c.relativeLift?.estimate ?? null,
    main: sequential ? always : fixed,
    inner: sequential ? fixed : null,
  }
}

/**
 * Half-width of the axis every bar of the table shares: wide enough for the primary metric's
 * intervals and twice the minimum effect, at most ±100 %. Wider intervals (a rare event's rate,
 * a cost that doubled) run off the edge with an arrow; their numbers stand beside the bar.
 */
export function sharedDomain(primary: (Interval | null)[], band: number): number {
  const widest = Math.max(0, ...primary.flatMap((i) => (i ? [Math.abs(i.lower), Math.abs(i.upper)] : [])))
  return Math.min(1, Math.max(widest * 1.1, band * 2, 0.05))
}

export const VERDICT = {
  better: { label: 'better', tone: 'ok' },
  worse: { label: 'worse', tone: 'error' },
  inconclusive: { label: 'inconclusive', tone: 'neutral' },
  insufficient_data: { label: 'too little data', tone: 'neutral' },
} as const
