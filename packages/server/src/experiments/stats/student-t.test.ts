import { describe, it } from 'vitest'
import { studentTCdf, studentTPdf, studentTQuantile, studentTSf } from './student-t.js'
import { expectClose } from './testing/close.js'

// Reference values: scipy.stats.t.cdf / t.ppf / t.pdf (scipy 1.17.1), printed with repr(); they
// agree with R's pt / qt (e.g. qt(0.975, 10) = 2.228138851986274, qt(0.975, 1) = 12.70620473617471).
const CDF: [t: number, df: number, p: number][] = [
  [2, 5, 0.9490302605850708],
  [-2, 5, 0.050969739414929174],
  [0.5, 1, 0.6475836176504333],
  [-30, 3, 4.067640213581979e-5],
  [1.5, 2.5, 0.8760817734568519],
  [-10, 30, 2.287625704114809e-11],
  [3, 1000, 0.9986166454778809],
  [2, 100000, 0.9772485182712467],
  [0.001, 7, 0.5003849913775006],
  [-5, 200000, 2.8689324583921474e-7],
  [25, 4, 0.9999924012371183],
]

const QUANTILE: [p: number, df: number, t: number][] = [
  [0.975, 1, 12.706204736174694],
  [0.975, 2, 4.302652729749462],
  [0.975, 3, 3.1824463052837078],
  [0.975, 10, 2.228138851986274],
  [0.975, 17.776473516178488, 2.1028172415698023],
  [0.995, 30, 2.7499956535672254],
  [1e-10, 3, -2225.769284683093],
  [1e-10, 50, -7.948243747646223],
  [0.3, 4.5, -0.5635058039393779],
  [0.975, 200000, 1.959975845966768],
  [1e-6, 1.5, -5219.4693247069445],
  [0.9999999, 2.2, 1180.3553506107442],
]

describe('Student t distribution', () => {
  it('matches reference CDF values to 1e-10 relative, including huge df and far tails', () => {
    for (const [t, df, p] of CDF) expectClose(studentTCdf(t, df), p, 1e-10)
  })

  it('gives upper-tail probabilities with relative accuracy', () => {
    expectClose(studentTSf(10, 30), 2.287625704114809e-11, 1e-10)
  })

  it('matches reference quantiles to 1e-10 relative, including fractional df', () => {
    for (const [p, df, t] of QUANTILE) expectClose(studentTQuantile(p, df), t, 1e-10)
  })

  it('matches the reference density', () => {
    // scipy.stats.t.pdf(1.3, 7)
    expectClose(studentTPdf(1.3, 7), 0.16209295508952076, 1e-12)
  })

  it('becomes the normal distribution at infinite df', ({ expect }) => {
    expect(studentTCdf(-1.96, Number.POSITIVE_INFINITY)).toBeCloseTo(0.024997895148220435, 15)
    expect(studentTQuantile(0.975, Number.POSITIVE_INFINITY)).toBeCloseTo(1.959963984540054, 14)
  })

  it('returns NaN for a non-positive df', ({ expect }) => {
    expect(studentTCdf(1, 0)).toBeNaN()
    expect(studentTQuantile(0.5, -1)).toBeNaN()
  })
})
