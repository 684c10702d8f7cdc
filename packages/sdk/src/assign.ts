// The assignment chatlens documents (docs/statistics.md), computed here so an app assigns units
// without a round trip, and offline once it has the experiment's definition:
//   bucket = fmix32(FNV-1a 32-bit of the UTF-8 bytes of `${seed}:${unitId}`) mod 10 000,
// and the variant is the one whose [start, end) range of buckets (from the server) holds it.

const FNV_OFFSET_BASIS_32 = 0x811c9dc5
const FNV_PRIME_32 = 0x01000193
const encoder = new TextEncoder()

/** FNV-1a 32-bit over the UTF-8 bytes of `text`. */
export function fnv1a32(text: string): number {
  let hash = FNV_OFFSET_BASIS_32
  for (const byte of encoder.encode(text)) {
    hash ^= byte
    hash = Math.imul(hash, FNV_PRIME_32)
  }
  return hash >>> 0
}

/** MurmurHash3's 32-bit finaliser. */
export function fmix32(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

export function bucketOf(seed: string, unitId: string, buckets = 10_000): number {
  return fmix32(fnv1a32(`${seed}:${unitId}`)) % buckets
}

/** What a variant changes, as the server defines it. */
export type VariantConfig = {
  prompt: { name: string; version: number } | null
  systemMessage?: string
  model?: string
  temperature?: number
  maxTokens?: number
}

/** The part of an experiment's definition (GET /api/v1/experiments/:key) assignment needs. */
export type ExperimentDefinition = {
  key: string
  status: 'draft' | 'running' | 'stopped'
  seed: string
  variants: {
    key: string
    prompt: { name: string; version: number } | null
    overrides: Omit<VariantConfig, 'prompt'>
  }[]
  assignment: { buckets: number; ranges: { key: string; start: number; end: number }[] }
}

/** A unit's variant in an experiment. */
export type Assignment = {
  experimentKey: string
  unitId: string
  /** Null when the unit is not in the experiment: show the default experience. */
  variant: string | null
  inExperiment: boolean
  /** Why not in the experiment. */
  reason?: 'not_running' | 'unavailable' | 'invalid_argument'
  config: VariantConfig | null
  /** Spread into trace options to record the exposure; empty when not in the experiment. */
  traceFields: { experimentKey?: string; experimentVariant?: string }
}

export function notAssigned(experimentKey: string, unitId: string, reason: Assignment['reason']): Assignment {
  return { experimentKey, unitId, variant: null, inExperiment: false, reason, config: null, traceFields: {} }
}

export function assignFrom(d: ExperimentDefinition, unitId: string): Assignment {
  if (d.status !== 'running') return notAssigned(d.key, unitId, 'not_running')
  const bucket = bucketOf(d.seed, unitId, d.assignment.buckets)
  const range = d.assignment.ranges.find((r) => bucket >= r.start && bucket < r.end)
  const variant = range && d.variants.find((v) => v.key === range.key)
  if (!variant) return notAssigned(d.key, unitId, 'unavailable')
  return {
    experimentKey: d.key,
    unitId,
    variant: variant.key,
    inExperiment: true,
    config: {
      prompt: variant.prompt ? { name: variant.prompt.name, version: variant.prompt.version } : null,
      ...variant.overrides,
    },
    traceFields: { experimentKey: d.key, experimentVariant: variant.key },
  }
}
