export const HOUR_MS = 3_600_000
export const DAY_MS = 86_400_000
/** Every analytics window is between one hour and ninety days long. */
export const WINDOW_MIN_MS = HOUR_MS
export const WINDOW_MAX_MS = 90 * DAY_MS
export const DEFAULT_WINDOW_MS = DAY_MS

export type Window = { from: number; to: number }
export type Interval = 'hour' | 'day'
export const intervalMs = (i: Interval) => (i === 'hour' ? HOUR_MS : DAY_MS)

/** "90m", "24h", "7d" as milliseconds; null when not of that form. */
export function parseDuration(s: string): number | null {
  const m = /^(\d{1,5})(m|h|d)$/.exec(s.trim())
  if (!m) return null
  const unit = m[2] === 'm' ? 60_000 : m[2] === 'h' ? HOUR_MS : DAY_MS
  return Number(m[1]) * unit
}

/**
 * The window a query means. `window` ("24h", "7d") ends at the end of the current hour (or UTC
 * day with daily buckets), so rollup hours are used whole and buckets line up; explicit
 * from/to are used to the millisecond.
 */
export function resolveWindow(
  q: { window?: number; from?: number; to?: number },
  now: number,
  align: Interval = 'hour',
): Window {
  if (q.from !== undefined || q.to !== undefined) {
    const to = q.to ?? (q.window !== undefined && q.from !== undefined ? q.from + q.window : now)
    const from = q.from ?? to - (q.window ?? DEFAULT_WINDOW_MS)
    return { from, to }
  }
  const unit = intervalMs(align)
  const to = Math.floor(now / unit) * unit + unit
  return { from: to - (q.window ?? DEFAULT_WINDOW_MS), to }
}

/** The window just before, of the same length (for change and trend figures). */
export const previousWindow = (w: Window): Window => ({ from: w.from - (w.to - w.from), to: w.from })

/** Hourly buckets up to three days, daily beyond. */
export const defaultInterval = (w: Window): Interval => (w.to - w.from <= 3 * DAY_MS ? 'hour' : 'day')

/** Start of every bucket in the window. */
export function bucketStarts(w: Window, interval: Interval): number[] {
  const step = intervalMs(interval)
  const out: number[] = []
  for (let t = Math.floor(w.from / step) * step; t < w.to; t += step) out.push(t)
  return out
}
