/** What the tests need to know about one arm: count, mean and unbiased (n − 1) sample variance. */
export type Summary = { n: number; mean: number; variance: number }

export const EMPTY_SUMMARY: Summary = { n: 0, mean: 0, variance: 0 }

/**
 * Summarises values in one pass with Welford's algorithm (Welford 1962; Knuth TAOCP vol. 2,
 * §4.2.2), which does not lose the variance when the mean is large compared with the spread, as
 * the textbook Σx² − (Σx)²/n does. Non-finite values are rejected rather than silently poisoning
 * every statistic downstream.
 */
export function summarize(values: Iterable<number>): Summary {
  let n = 0
  let mean = 0
  let m2 = 0
  for (const x of values) {
    if (!Number.isFinite(x)) throw new RangeError(`summarize: non-finite value ${x}`)
    n += 1
    const delta = x - mean
    mean += delta / n
    m2 += delta * (x - mean)
  }
  return { n, mean, variance: n > 1 ? m2 / (n - 1) : 0 }
}

/**
 * Combines two summaries as if their values had been summarised together (Chan, Golub and LeVeque
 * 1979), so per-day or per-shard summaries can be rolled up without the raw values.
 */
export function mergeSummaries(a: Summary, b: Summary): Summary {
  if (a.n === 0) return { ...b }
  if (b.n === 0) return { ...a }
  const n = a.n + b.n
  const delta = b.mean - a.mean
  const mean = a.mean + (delta * b.n) / n
  const m2 = a.variance * (a.n - 1) + b.variance * (b.n - 1) + (delta * delta * a.n * b.n) / n
  return { n, mean, variance: n > 1 ? m2 / (n - 1) : 0 }
}

/**
 * Builds a summary from a count, a sum and a sum of squares, the aggregates a SQL query returns.
 * This loses precision when |mean| is much larger than the standard deviation (about
 * log10(mean² / variance) of the 16 significant digits); prefer `summarize` or `mergeSummaries`
 * for such metrics (e.g. timestamps), or centre the values before summing.
 */
export function summaryFromSums(n: number, sum: number, sumOfSquares: number): Summary {
  if (!(n >= 0) || !Number.isInteger(n)) throw new RangeError(`summaryFromSums: bad count ${n}`)
  if (n === 0) return { ...EMPTY_SUMMARY }
  const mean = sum / n
  const variance = n > 1 ? Math.max(0, (sumOfSquares - sum * mean) / (n - 1)) : 0
  return { n, mean, variance }
}

/** A 0/1 metric (a rate) as a summary: mean = successes / n, unbiased variance. */
export function summaryFromCounts(successes: number, n: number): Summary {
  if (n === 0) return { ...EMPTY_SUMMARY }
  const p = successes / n
  return { n, mean: p, variance: n > 1 ? (n * p * (1 - p)) / (n - 1) : 0 }
}
