/**
 * Agreement statistics between a score and a binary label, used by the labelled-set test and the
 * calibration script.
 */
export type Labelled = { score: number; positive: boolean }

/**
 * Area under the ROC curve: the probability that a random positive scores above a random negative,
 * ties counting one half (the Mann-Whitney U statistic divided by n+ · n-). NaN without both classes.
 */
export function auc(points: readonly Labelled[]): number {
  const pos = points.filter((p) => p.positive).map((p) => p.score)
  const neg = points.filter((p) => !p.positive).map((p) => p.score)
  if (pos.length === 0 || neg.length === 0) return Number.NaN
  let wins = 0
  for (const p of pos) for (const n of neg) wins += p > n ? 1 : p === n ? 0.5 : 0
  return wins / (pos.length * neg.length)
}

/** Share of points on the right side of `threshold` (score >= threshold predicts positive). */
export function accuracyAt(points: readonly Labelled[], threshold: number): number {
  if (points.length === 0) return Number.NaN
  return points.filter((p) => p.score >= threshold === p.positive).length / points.length
}

export type LogisticFit = { slope: number; intercept: number }

/**
 * One-feature logistic regression with an L2 penalty on the slope (the labelled set is nearly
 * separable, so without it the slope grows without bound). Classes are weighted to equal total
 * weight, so the 0.5 point sits between the classes rather than wherever the class ratio of the
 * labelled set pushes it. Plain gradient descent: the problem is convex and tiny.
 */
export function fitLogistic(
  points: readonly Labelled[],
  l2 = 0.002,
  iterations = 50_000,
  rate = 1,
): LogisticFit {
  let slope = 0
  let intercept = 0
  const n = points.length
  const positives = points.filter((p) => p.positive).length
  const classWeight = (positive: boolean) => n / (2 * (positive ? positives : n - positives))
  for (let it = 0; it < iterations; it++) {
    let gs = 0
    let gi = 0
    for (const { score, positive } of points) {
      const p = 1 / (1 + Math.exp(-(slope * score + intercept)))
      const err = (p - (positive ? 1 : 0)) * classWeight(positive)
      gs += err * score
      gi += err
    }
    slope -= rate * (gs / n + l2 * slope)
    intercept -= rate * (gi / n)
  }
  return { slope, intercept }
}
