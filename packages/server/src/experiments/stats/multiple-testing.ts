// Adjusted p-values, as R's p.adjust: compare each adjusted value with the family-wise (Holm) or
// false-discovery (Benjamini–Hochberg) level directly. Results come back in the input order.

function check(pValues: readonly number[], name: string): void {
  if (pValues.some((p) => !(p >= 0 && p <= 1))) throw new RangeError(`${name}: p-values must be in [0, 1]`)
}

function ascendingOrder(pValues: readonly number[]): number[] {
  return pValues.map((_, i) => i).sort((i, j) => pValues[i]! - pValues[j]!)
}

/**
 * Holm's step-down adjustment (Holm, Scandinavian Journal of Statistics 6, 1979): controls the
 * family-wise error rate — the chance of any false positive — under any dependence, and is never
 * less powerful than Bonferroni. With p₍₁₎ ≤ … ≤ p₍ₘ₎:
 *   p̃₍ᵢ₎ = min(1, max_{j ≤ i} (m − j + 1)·p₍ⱼ₎).
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  check(pValues, 'holmAdjust')
  const m = pValues.length
  const adjusted = new Array<number>(m)
  let running = 0
  ascendingOrder(pValues).forEach((index, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * pValues[index]!))
    adjusted[index] = running
  })
  return adjusted
}

/**
 * Benjamini–Hochberg step-up adjustment (Benjamini and Hochberg, JRSS B 57, 1995): controls the
 * expected share of false positives among the rejected hypotheses, for independent or positively
 * dependent tests — the usual choice for many metrics of one experiment. With p₍₁₎ ≤ … ≤ p₍ₘ₎:
 *   p̃₍ᵢ₎ = min(1, min_{j ≥ i} m·p₍ⱼ₎ / j).
 */
export function benjaminiHochbergAdjust(pValues: readonly number[]): number[] {
  check(pValues, 'benjaminiHochbergAdjust')
  const m = pValues.length
  const adjusted = new Array<number>(m)
  const order = ascendingOrder(pValues)
  let running = 1
  for (let rank = m - 1; rank >= 0; rank--) {
    const index = order[rank]!
    running = Math.min(running, (m * pValues[index]!) / (rank + 1))
    adjusted[index] = running
  }
  return adjusted
}
