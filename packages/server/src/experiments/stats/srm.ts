import { chiSquareSf } from './chi-square.js'

/**
 * p-value below which assignment counts are flagged as a sample-ratio mismatch. Far stricter than
 * the usual 0.05 (see Fabijan et al., "Diagnosing Sample Ratio Mismatch in Online Controlled
 * Experiments", KDD 2019): the check runs on every experiment at every look, and false alarms
 * would teach people to ignore it, while a real mismatch usually yields a far smaller p-value.
 */
export const SRM_P_VALUE_THRESHOLD = 0.001

export type SrmResult = {
  /** Pearson chi-square statistic. */
  chiSquare: number
  df: number
  pValue: number
  /** Counts expected from the weights, in the order given. */
  expected: number[]
  mismatch: boolean
}

/**
 * Pearson's chi-square goodness-of-fit test of observed counts per variant against the configured
 * weights (any positive scale). A variant with weight 0 that still received units is a certain
 * mismatch (p = 0); one that received none is left out of the test.
 */
export function sampleRatioMismatch(
  observed: readonly number[],
  weights: readonly number[],
  { threshold = SRM_P_VALUE_THRESHOLD }: { threshold?: number } = {},
): SrmResult {
  if (observed.length !== weights.length || observed.length < 2) {
    throw new RangeError('sampleRatioMismatch: needs one count per weight and at least two variants')
  }
  if (observed.some((o) => !Number.isInteger(o) || o < 0)) {
    throw new RangeError('sampleRatioMismatch: counts must be non-negative integers')
  }
  if (weights.some((w) => !Number.isFinite(w) || w < 0)) {
    throw new RangeError('sampleRatioMismatch: weights must be finite and non-negative')
  }
  const totalWeight = weights.reduce((s, w) => s + w, 0)
  if (!(totalWeight > 0)) throw new RangeError('sampleRatioMismatch: weights must not all be 0')
  const total = observed.reduce((s, o) => s + o, 0)
  const expected = weights.map((w) => (total * w) / totalWeight)
  let chiSquare = 0
  let cells = 0
  for (let i = 0; i < observed.length; i++) {
    const e = expected[i]!
    const o = observed[i]!
    if (e === 0) {
      if (o > 0) chiSquare = Number.POSITIVE_INFINITY
      continue
    }
    cells += 1
    chiSquare += (o - e) ** 2 / e
  }
  const df = Math.max(1, cells - 1)
  const pValue = total === 0 ? 1 : chiSquare === Number.POSITIVE_INFINITY ? 0 : chiSquareSf(chiSquare, df)
  return { chiSquare, df, pValue, expected, mismatch: pValue < threshold }
}
