/** Count, sum, sum of squares, min and max: enough for mean, variance and range, and mergeable. */
export type Moments = { n: number; sum: number; sumsq: number; min: number; max: number }

export const emptyMoments = (): Moments => ({ n: 0, sum: 0, sumsq: 0, min: Infinity, max: -Infinity })

export function addValue(m: Moments, x: number): void {
  m.n += 1
  m.sum += x
  m.sumsq += x * x
  if (x < m.min) m.min = x
  if (x > m.max) m.max = x
}

export function mergeMoments(into: Moments, m: Moments): void {
  into.n += m.n
  into.sum += m.sum
  into.sumsq += m.sumsq
  if (m.min < into.min) into.min = m.min
  if (m.max > into.max) into.max = m.max
}

export const mean = (m: Moments): number | null => (m.n > 0 ? m.sum / m.n : null)

/** Unbiased (n − 1) sample variance; 0 for a single value. */
export function variance(m: Moments): number {
  if (m.n < 2) return 0
  // Σx² − (Σx)²/n can dip below zero by rounding when all values are equal.
  return Math.max(0, (m.sumsq - (m.sum * m.sum) / m.n) / (m.n - 1))
}

export const std = (m: Moments): number | null => (m.n > 0 ? Math.sqrt(variance(m)) : null)
