import { describe, it } from 'vitest'
import { noncentralTCdf } from './noncentral-t.js'
import { studentTCdf } from './student-t.js'
import { expectClose } from './testing/close.js'

// Reference values: scipy.stats.nct.cdf (scipy 1.17.1, Boost's implementation), printed with repr().
const VALUES: [t: number, df: number, ncp: number, cdf: number][] = [
  [2.0243941639119702, 38, 3.1622776601683795, 0.13104719830787315],
  [1, 10, 2, 0.15851505953771164],
  [-1, 10, 2, 0.0018164334104297068],
  [3, 5, -1, 0.998566403001123],
  [0.5, 3, 0.3, 0.5624402196822935],
  [2, 1000, 1.5, 0.691110725534436],
  [10, 20, 8, 0.8429884424419236],
  [-2, 15, 1, 0.0025682523293202096],
  // Past R's switch to a normal approximation (df > 4e5):
  [1.97, 500000, 2.8, 0.203269568673236],
]

describe('noncentral t distribution', () => {
  it('matches reference CDF values to 1e-9 relative', () => {
    for (const [t, df, ncp, cdf] of VALUES) expectClose(noncentralTCdf(t, df, ncp), cdf, 1e-9)
  })

  it('reduces to the central t when the noncentrality is 0', ({ expect }) => {
    expect(noncentralTCdf(1.7, 9, 0)).toBe(studentTCdf(1.7, 9))
  })
})
