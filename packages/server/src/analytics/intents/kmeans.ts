import { mulberry32 } from '../../util/random.js'
/** Sparse vectors as term → weight maps, L2-normalised, so a dot product is a cosine. */
export type Vec = Map<string, number>

export function dot(a: Vec, b: Vec): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let s = 0
  for (const [k, v] of small) s += v * (large.get(k) ?? 0)
  return s
}

export function normalize(v: Vec): Vec {
  let norm = 0
  for (const x of v.values()) norm += x * x
  norm = Math.sqrt(norm)
  if (norm > 0) for (const [k, x] of v) v.set(k, x / norm)
  return v
}

/**
 * Spherical k-means (cosine similarity) with k-means++ seeding (Arthur & Vassilvitskii 2007).
 * Returns each vector's cluster and the centroids.
 */
export function kmeans(
  vectors: Vec[],
  k: number,
  { iterations = 20, seed = 42 } = {},
): { assignment: number[]; centroids: Vec[] } {
  const random = mulberry32(seed)
  const centroids: Vec[] = [new Map(vectors[Math.floor(random() * vectors.length)])]
  while (centroids.length < k) {
    const d = vectors.map((v) => 1 - Math.max(...centroids.map((c) => dot(v, c))))
    const total = d.reduce((s, x) => s + x * x, 0)
    if (total <= 0) break
    let r = random() * total
    let pick = 0
    for (; pick < d.length - 1; pick++) {
      r -= d[pick]! * d[pick]!
      if (r <= 0) break
    }
    centroids.push(new Map(vectors[pick]))
  }
  let assignment = new Array<number>(vectors.length).fill(0)
  for (let it = 0; it < iterations; it++) {
    const next = vectors.map((v) => {
      let best = 0
      let bestSim = -1
      centroids.forEach((c, i) => {
        const s = dot(v, c)
        if (s > bestSim) [best, bestSim] = [i, s]
      })
      return best
    })
    const changed = next.some((a, i) => a !== assignment[i])
    assignment = next
    for (let c = 0; c < centroids.length; c++) {
      const sum: Vec = new Map()
      vectors.forEach((v, i) => {
        if (assignment[i] !== c) return
        for (const [t, x] of v) sum.set(t, (sum.get(t) ?? 0) + x)
      })
      if (sum.size) centroids[c] = normalize(sum)
    }
    if (!changed && it > 0) break
  }
  return { assignment, centroids }
}
