// Sticky, deterministic variant assignment. Anyone can reproduce an assignment from three strings,
// with no state: the SDK, the server and a user's own warehouse query all agree.
//
//   hash   = FNV-1a, 32 bits, over the UTF-8 bytes of `${seed}:${unitId}`
//   mixed  = murmur3's fmix32 finaliser of hash (FNV-1a alone spreads sequential ids such as
//            user-0, user-1, … unevenly enough to raise false sample-ratio alarms)
//   bucket = mixed mod 10 000
//   the variants, in the order given, own contiguous ranges of buckets sized by their weights.

/** Number of buckets; one bucket is 0.01 % of traffic. */
export const BUCKET_COUNT = 10_000

const FNV_OFFSET_BASIS_32 = 0x811c9dc5
const FNV_PRIME_32 = 0x01000193
const encoder = new TextEncoder()

/**
 * FNV-1a 32-bit hash of the UTF-8 bytes of `text` (Fowler, Noll and Vo; draft-eastlake-fnv):
 * start at 2166136261, then for each byte: hash ^= byte; hash = (hash × 16777619) mod 2³².
 */
export function fnv1a32(text: string): number {
  let hash = FNV_OFFSET_BASIS_32
  for (const byte of encoder.encode(text)) {
    hash ^= byte
    hash = Math.imul(hash, FNV_PRIME_32)
  }
  return hash >>> 0
}

/** murmur3's 32-bit finaliser (Appleby, MurmurHash3): every input bit affects every output bit. */
export function fmix32(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** The bucket in [0, 10 000) of a unit in an experiment with this seed. */
export function bucketOf(seed: string, unitId: string): number {
  return fmix32(fnv1a32(`${seed}:${unitId}`)) % BUCKET_COUNT
}

export type VariantWeight = { key: string; weight: number }
export type BucketRange = { key: string; start: number; end: number }

/**
 * Splits the 10 000 buckets into contiguous half-open ranges [start, end), in the order of the
 * variants. Weights are normalised (any positive total); each boundary is the rounded cumulative
 * share, so the ranges always cover exactly 10 000 buckets and each is within one bucket of its
 * exact share. A weight of 0 gives an empty range.
 */
export function bucketRanges(variants: readonly VariantWeight[]): BucketRange[] {
  if (variants.length === 0) throw new RangeError('bucketRanges: an experiment needs at least one variant')
  if (new Set(variants.map((v) => v.key)).size !== variants.length) {
    throw new RangeError('bucketRanges: variant keys must be unique')
  }
  if (variants.some((v) => !Number.isFinite(v.weight) || v.weight < 0)) {
    throw new RangeError('bucketRanges: weights must be finite and non-negative')
  }
  const total = variants.reduce((s, v) => s + v.weight, 0)
  if (!(total > 0)) throw new RangeError('bucketRanges: weights must not all be 0')
  let cumulative = 0
  let start = 0
  return variants.map((v, i) => {
    cumulative += v.weight
    const end = i === variants.length - 1 ? BUCKET_COUNT : Math.round((cumulative / total) * BUCKET_COUNT)
    const range = { key: v.key, start, end: Math.max(start, end) }
    start = range.end
    return range
  })
}

export type ExperimentAssignmentSpec = { key: string; seed: string; variants: readonly VariantWeight[] }

/** The key of the variant a unit (a user or a session id) sees; the same inputs always agree. */
export function assignVariant(experiment: ExperimentAssignmentSpec, unitId: string): string {
  const bucket = bucketOf(experiment.seed, unitId)
  const ranges = bucketRanges(experiment.variants)
  // The last range always ends at BUCKET_COUNT, so some range holds the bucket.
  return ranges.find((r) => bucket < r.end)!.key
}
