const MAX_BISECTIONS = 200
const MAX_EXPANSIONS = 100

/**
 * Finds x in [lo, hi] with f(x) = 0 for an increasing f by bisection, down to a relative width of
 * `relativeTolerance`. Bisection is slow but cannot fail on the step-like functions of a discrete
 * df, which is all power calculations need.
 */
export function solveIncreasing(
  f: (x: number) => number,
  lo: number,
  hi: number,
  relativeTolerance = 1e-12,
): number {
  let a = lo
  let b = hi
  for (let i = 0; i < MAX_BISECTIONS && b - a > relativeTolerance * Math.max(Math.abs(a), Math.abs(b)); i++) {
    const mid = 0.5 * (a + b)
    if (f(mid) < 0) a = mid
    else b = mid
  }
  return 0.5 * (a + b)
}

/** Doubles `start` until f is no longer negative there; returns that upper bracket. */
export function expandUpper(f: (x: number) => number, start: number): number {
  let hi = start
  for (let i = 0; i < MAX_EXPANSIONS && f(hi) < 0; i++) hi *= 2
  return hi
}

// A root a hair above an integer that already reaches the target must not cost a whole extra unit.
const SAMPLE_SIZE_SLACK = 1e-9

/** Rounds a fractional sample size up to whole units. */
export function ceilSampleSize(n: number): number {
  return Math.ceil(n - SAMPLE_SIZE_SLACK)
}
