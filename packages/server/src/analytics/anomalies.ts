import { DAY_MS, HOUR_MS, type Interval } from './window.js'

/** |z| above this flags a point (Iglewicz & Hoaglin's cut-off for the modified z-score). */
export const ANOMALY_Z_THRESHOLD = 3.5
/** Scales the median absolute deviation to a standard deviation for normal data. */
const MAD_TO_SD = 1.4826
/** Points backed by fewer observations than this are never flagged (a rate of 1 in 2 is noise). */
export const ANOMALY_MIN_SAMPLE = 10
/** The spread is never taken below this share of the baseline, so a flat history cannot make tiny moves "infinitely" unusual. */
const MIN_RELATIVE_SPREAD = 0.05

export const ANOMALY_METHOD =
  'robust z-score against a seasonal baseline: the median and MAD of the same hour on the previous 7 days ' +
  '(hourly) or the same weekday on the previous 4 weeks (daily), falling back to the previous 24 hours or ' +
  '14 days; the spread is at least the counting noise (Poisson for volume, binomial for rates) or 5 % of the ' +
  `baseline; flagged when |z| > ${ANOMALY_Z_THRESHOLD} with at least ${ANOMALY_MIN_SAMPLE} observations in the bucket`

/** How far back the baseline reaches, so callers fetch enough history. */
export const anomalyLookbackMs = (interval: Interval) => (interval === 'hour' ? 7 * DAY_MS : 28 * DAY_MS)

export type SeriesPoint = { t: number; value: number | null; sample: number }
export type Anomaly = {
  metric: string
  t: number
  value: number
  baseline: number
  z: number
  direction: 'high' | 'low'
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

function reference(byTime: Map<number, SeriesPoint>, t: number, interval: Interval): number[] {
  const values = (times: number[]) =>
    times.flatMap((x) => {
      const p = byTime.get(x)
      return p && p.value !== null && p.sample > 0 ? [p.value] : []
    })
  const [season, seasons, step, trailing, minTrailing] =
    interval === 'hour' ? [DAY_MS, 7, HOUR_MS, 24, 6] : [7 * DAY_MS, 4, DAY_MS, 14, 5]
  const seasonal = values(Array.from({ length: seasons }, (_, k) => t - (k + 1) * season))
  if (seasonal.length >= 3) return seasonal
  const recent = values(Array.from({ length: trailing }, (_, k) => t - (k + 1) * step))
  return recent.length >= minTrailing ? recent : []
}

/**
 * The least spread a metric's baseline is given, from its median and the point's sample size:
 * counting noise for volumes (Poisson) and rates (binomial), so a quiet history cannot make an
 * ordinary wobble look extreme. Return null to skip the point (no history to judge against).
 */
export type SpreadFloor = (baseline: number, sample: number) => number | null
export const relativeFloor: SpreadFloor = (m) => Math.abs(m) * MIN_RELATIVE_SPREAD
export const poissonFloor: SpreadFloor = (m) => (m > 0 ? Math.sqrt(m) : null)
export const binomialFloor: SpreadFloor = (m, n) => {
  const p = Math.min(0.99, Math.max(m, 0.01))
  return Math.sqrt((p * (1 - p)) / Math.max(1, n))
}

/** Flags points at or after `from` that stand out from their baseline (see ANOMALY_METHOD). */
export function detectAnomalies(
  metric: string,
  points: SeriesPoint[],
  interval: Interval,
  from: number,
  floor: SpreadFloor = relativeFloor,
): Anomaly[] {
  const byTime = new Map(points.map((p) => [p.t, p]))
  const out: Anomaly[] = []
  for (const p of points) {
    if (p.t < from || p.value === null || p.sample < ANOMALY_MIN_SAMPLE) continue
    const ref = reference(byTime, p.t, interval)
    if (ref.length === 0) continue
    const m = median(ref)
    const mad = median(ref.map((x) => Math.abs(x - m))) * MAD_TO_SD
    const least = floor(m, p.sample)
    if (least === null) continue
    const scale = Math.max(mad, least, 1e-12)
    const z = (p.value - m) / scale
    if (Math.abs(z) > ANOMALY_Z_THRESHOLD) {
      out.push({
        metric,
        t: p.t,
        value: p.value,
        baseline: m,
        z: Number(z.toFixed(2)),
        direction: z > 0 ? 'high' : 'low',
      })
    }
  }
  return out
}
