import { performance } from 'node:perf_hooks'

/** How often the wall clock is read again to follow NTP adjustments. */
const RESYNC_MS = 1000

// Imported rather than the global `performance`, whose getter costs more than the read itself.
const monotonicNow = () => performance.now()
let offsetMs = Date.now() - monotonicNow()
let syncedAt = monotonicNow()

/** Milliseconds from a monotonic clock, for durations. */
export const monotonic = monotonicNow

/**
 * Epoch milliseconds (fractional) of a monotonic reading: one clock read per timestamp instead
 * of two. The offset to the wall clock is refreshed every second, so clock adjustments show up
 * in start times within a second, and never in durations.
 */
export function epochMs(mono: number): number {
  if (mono - syncedAt > RESYNC_MS) {
    offsetMs = Date.now() - monotonicNow()
    syncedAt = mono
  }
  return mono + offsetMs
}
