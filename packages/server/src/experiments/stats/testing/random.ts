// Seeded random numbers for the simulation tests, so every run sees the same draws.

export { mulberry32 } from '../../../util/random.js'

/** Standard normal draws by the Marsaglia polar method, from a uniform generator. */
export function normalGenerator(uniform: () => number): () => number {
  let spare: number | null = null
  return function nextNormal() {
    if (spare !== null) {
      const value = spare
      spare = null
      return value
    }
    let u: number
    let v: number
    let s: number
    do {
      u = 2 * uniform() - 1
      v = 2 * uniform() - 1
      s = u * u + v * v
    } while (s >= 1 || s === 0)
    const factor = Math.sqrt((-2 * Math.log(s)) / s)
    spare = v * factor
    return u * factor
  }
}

/**
 * The number of rejections among `trials` independent tests of level `rate`, as an interval that
 * holds with probability about 1 − 1e−4 (a normal approximation, ±3.9 standard deviations).
 */
export function binomialTolerance(trials: number, rate: number): { low: number; high: number } {
  const sd = Math.sqrt(trials * rate * (1 - rate))
  return { low: trials * rate - 3.9 * sd, high: trials * rate + 3.9 * sd }
}
