import { describe, it } from 'vitest'
import { normalCdf, normalQuantile, normalSf } from './normal.js'
import { expectClose } from './testing/close.js'

// Reference values: scipy.stats.norm.cdf / norm.ppf (scipy 1.17.1), printed with repr(); they agree
// with R's pnorm / qnorm (e.g. qnorm(0.975) = 1.959963984540054).
const CDF: [number, number][] = [
  [-30, 4.906713927147908e-198],
  [-10, 7.61985302416047e-24],
  [-5, 2.866515718791933e-7],
  [-1.96, 0.024997895148220435],
  [-1, 0.15865525393145707],
  [0, 0.5],
  [0.5, 0.6914624612740131],
  [3, 0.9986501019683699],
]

const QUANTILE: [number, number][] = [
  [1e-300, -37.0470962993612],
  [1e-100, -21.273453560965322],
  [1e-12, -7.034483825301131],
  [0.001, -3.090232306167813],
  [0.02425, -1.972961051311885],
  [0.025, -1.9599639845400545],
  [0.1, -1.2815515655446004],
  [0.3, -0.5244005127080409],
  [0.7, 0.5244005127080407],
  [0.975, 1.959963984540054],
  [0.999, 3.090232306167813],
  [1 - 1e-12, 7.0344869100478356],
]

describe('normal distribution', () => {
  it('matches reference CDF values to 1e-10 relative, far into the lower tail', () => {
    for (const [x, p] of CDF) expectClose(normalCdf(x), p, 1e-10)
  })

  it('gives upper-tail probabilities with relative accuracy', () => {
    expectClose(normalSf(10), 7.61985302416047e-24, 1e-10)
    expectClose(normalSf(-1), 0.8413447460685429, 1e-12)
  })

  it('matches reference quantiles to 1e-10 relative', () => {
    expectClose(normalQuantile(0.5), 0, 0, 1)
    for (const [p, x] of QUANTILE) expectClose(normalQuantile(p), x, 1e-10)
  })

  it('inverts its own CDF', () => {
    for (const p of [1e-8, 0.01, 0.2, 0.45, 0.55, 0.9, 0.99999])
      expectClose(normalCdf(normalQuantile(p)), p, 1e-12)
  })

  it('returns infinities at 0 and 1 and NaN outside [0, 1]', ({ expect }) => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY)
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY)
    expect(normalQuantile(1.5)).toBeNaN()
    expect(normalCdf(Number.NaN)).toBeNaN()
  })
})
