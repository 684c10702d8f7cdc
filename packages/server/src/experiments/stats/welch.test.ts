import { describe, expect, it } from 'vitest'
import { summarize } from './summary.js'
import { expectClose } from './testing/close.js'
import { welchTest } from './welch.js'

// R's sleep data (Student 1908), used in the example of R's ?t.test: t.test(extra ~ group, data =
// sleep) prints t = -1.8608, df = 17.776, p-value = 0.07939, 95 percent confidence interval
// -3.3654832 0.2054832 (group 1 minus group 2). Full-precision values from
// scipy.stats.ttest_ind(g1, g2, equal_var=False) (scipy 1.17.1): t = -1.8608134674868526,
// df = 17.776473516178488, p = 0.0793941401873583, CI (-3.3654832307117104, 0.20548323071171137),
// and at 90 %: (-3.053381497331607, -0.10661850266839323).
const GROUP_1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0]
const GROUP_2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4]

describe('Welch t test', () => {
  it("reproduces R's t.test on the sleep data", () => {
    // welchTest compares B against A, so group 1 goes in as B to match R's group 1 − group 2.
    const r = welchTest(summarize(GROUP_2), summarize(GROUP_1))
    expectClose(r.difference, 0.75 - 2.33, 1e-12)
    expectClose(r.t, -1.8608134674868526, 1e-10)
    expectClose(r.df, 17.776473516178488, 1e-10)
    expectClose(r.pValue, 0.0793941401873583, 1e-9)
    expectClose(r.ci.lower, -3.3654832307117104, 1e-9)
    expectClose(r.ci.upper, 0.20548323071171137, 1e-9)
    expect(r.significant).toBe(false)
  })

  it('narrows the interval for a larger alpha', () => {
    const r = welchTest(summarize(GROUP_2), summarize(GROUP_1), { alpha: 0.1 })
    expectClose(r.ci.lower, -3.053381497331607, 1e-9)
    expectClose(r.ci.upper, -0.10661850266839323, 1e-9)
  })

  it('matches a reference with unequal sizes and variances', () => {
    // scipy.stats.ttest_ind(b, a, equal_var=False): t = 1.2362834051957448, p = 0.24262537264196504,
    // df = 10.774631070060018, CI (-0.7942217726478702, 2.818031296457394).
    const a = summarize([1.2, 3.4, 2.2, 5.1, 0.3, 2.8, 4.4])
    const b = summarize([2.5, 3.9, 4.1, 6.0, 3.3, 2.9])
    const r = welchTest(a, b)
    expectClose(r.t, 1.2362834051957448, 1e-10)
    expectClose(r.pValue, 0.24262537264196504, 1e-9)
    expectClose(r.df, 10.774631070060018, 1e-10)
    expectClose(r.ci.lower, -0.7942217726478702, 1e-9)
    expectClose(r.ci.upper, 2.818031296457394, 1e-9)
  })

  it('gives the relative lift with a delta-method interval', () => {
    const a = { n: 400, mean: 2, variance: 1 }
    const b = { n: 500, mean: 2.2, variance: 1.44 }
    const r = welchTest(a, b)
    // Var(b̂/â) ≈ Var(b̂)/a² + b²·Var(â)/a⁴ = (1.44/500)/4 + 4.84·(1/400)/16 = 0.00147625.
    const half = 1.959963984540054 * Math.sqrt(0.00147625)
    expectClose(r.relativeLift!.estimate, 0.1, 1e-12)
    expectClose(r.relativeLift!.ci.lower, 0.1 - half, 1e-12)
    expectClose(r.relativeLift!.ci.upper, 0.1 + half, 1e-12)
  })

  it('has no relative lift when the control mean is 0', () => {
    expect(
      welchTest({ n: 10, mean: 0, variance: 1 }, { n: 10, mean: 1, variance: 1 }).relativeLift,
    ).toBeNull()
  })

  it('treats constant arms as no evidence when equal and as certain when different', () => {
    const same = welchTest({ n: 5, mean: 1, variance: 0 }, { n: 5, mean: 1, variance: 0 })
    expect(same.pValue).toBe(1)
    expect(same.df).toBe(8)
    const different = welchTest({ n: 5, mean: 1, variance: 0 }, { n: 5, mean: 2, variance: 0 })
    expect(different.pValue).toBe(0)
    expect(different.significant).toBe(true)
  })

  it('refuses arms with fewer than two observations', () => {
    expect(() => welchTest({ n: 1, mean: 0, variance: 0 }, { n: 10, mean: 1, variance: 1 })).toThrow(
      RangeError,
    )
  })
})
