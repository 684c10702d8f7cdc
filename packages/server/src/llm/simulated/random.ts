/** Seeds for the simulated provider: it must answer the same input the same way. */

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

export { logNormal, mulberry32, normal, pick, type Rng } from '../../util/random.js'
