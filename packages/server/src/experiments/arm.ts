import type { Moments } from '../store/index.js'
import type { Summary } from './stats/index.js'

/**
 * One variant's data for one metric, ready for the tests. The mean per observation Σx/Σy is a
 * ratio of per-unit sums; its variance comes from the delta method over units (Deng, Knoblich
 * and Lu, KDD 2018), with n the number of units. When units contributed several observations
 * (the turns of one user), those are correlated and this is the honest variance; when each
 * contributed at most one, it reduces exactly to the plain sample variance of the observations.
 */
export type Arm = {
  variant: string
  /** Units with at least one observation. */
  units: number
  observations: number
  /** Mean per observation (a rate for 0/1 metrics). */
  mean: number
  /** n = units; SE² of the mean = variance / n. */
  summary: Summary
  /** Some unit contributed more than one observation. */
  clustered: boolean
  /** For rates: successes among observations, for a proportion test when nothing is clustered. */
  counts: { successes: number; n: number } | null
}

export function armOf(m: Moments, kind: 'mean' | 'rate'): Arm | null {
  if (m.sy <= 0 || m.units <= 0) return null
  const n = m.units
  const mean = m.sx / m.sy
  const yBar = m.sy / n
  const covariance = (sab: number, sa: number, sb: number) => (n > 1 ? (sab - (sa * sb) / n) / (n - 1) : 0)
  const varX = covariance(m.sxx, m.sx, m.sx)
  const varY = covariance(m.syy, m.sy, m.sy)
  const covXY = covariance(m.sxy, m.sx, m.sy)
  const variance = Math.max(0, (varX - 2 * mean * covXY + mean * mean * varY) / (yBar * yBar))
  return {
    variant: m.variant,
    units: n,
    observations: m.sy,
    mean,
    summary: { n, mean, variance },
    clustered: m.maxY > 1,
    counts: kind === 'rate' ? { successes: Math.round(m.sx), n: m.sy } : null,
  }
}
