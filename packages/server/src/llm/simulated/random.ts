/** Small, fast, seedable randomness: the simulated provider must answer the same input the same way. */
export type Rng = () => number

const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

/** 32-bit FNV-1a over the UTF-16 code units of the parts, with a separator between parts. */
export function fnv1a(...parts: string[]): number {
  let hash = FNV_OFFSET
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      hash ^= part.charCodeAt(i)
      hash = Math.imul(hash, FNV_PRIME)
    }
    hash ^= 0x1f // unit separator: ('ab','c') and ('a','bc') hash differently
    hash = Math.imul(hash, FNV_PRIME)
  }
  return hash >>> 0
}

/** mulberry32: a 32-bit state PRNG, plenty for choosing phrasings and latencies. */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0
  return function next() {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick from an empty list')
  return items[Math.floor(rng() * items.length)] as T
}

/** A standard normal draw (Box–Muller). */
export function normal(rng: Rng): number {
  const u = Math.max(rng(), Number.EPSILON)
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng())
}

/** Log-normal around `median`: exp(sigma·z) keeps it positive and right-skewed like real latencies. */
export function logNormal(rng: Rng, median: number, sigma: number): number {
  return median * Math.exp(sigma * normal(rng))
}
