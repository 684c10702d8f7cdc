/**
 * Every percentile chatlens reports from rollups is within this relative error of the exact
 * value (the lower nearest-rank order statistic), whatever the data and however many hours
 * are merged.
 */
export const SKETCH_RELATIVE_ERROR = 0.01

const GAMMA = (1 + SKETCH_RELATIVE_ERROR) / (1 - SKETCH_RELATIVE_ERROR)
const LOG_GAMMA = Math.log(GAMMA)
/** Values at or below this count as zero: latencies are in ms, so a microsecond. */
const ZERO_BELOW = 1e-3
const FORMAT_VERSION = 1
const ENTRY_BYTES = 6

/**
 * A mergeable quantile sketch with logarithmic buckets (the DDSketch idea, Masson et al., VLDB
 * 2019): bucket i holds values in (γ^(i-1), γ^i] with γ = (1+α)/(1-α), and reports 2γ^i/(γ+1),
 * which is within α of every value in the bucket. Merging adds bucket counts, so hourly sketches
 * combine into any window without the raw values.
 */
export class Sketch {
  zeros = 0
  count = 0
  readonly bins = new Map<number, number>()

  add(value: number, times = 1): void {
    this.count += times
    if (!(value > ZERO_BELOW)) {
      this.zeros += times
      return
    }
    const i = Math.ceil(Math.log(value) / LOG_GAMMA)
    this.bins.set(i, (this.bins.get(i) ?? 0) + times)
  }

  merge(other: Sketch): void {
    this.count += other.count
    this.zeros += other.zeros
    for (const [i, n] of other.bins) this.bins.set(i, (this.bins.get(i) ?? 0) + n)
  }

  /** The q-quantile (0..1), or null when empty. Rank q·(n−1), as `sorted[floor(q·(n−1))]`. */
  quantile(q: number): number | null {
    if (this.count === 0) return null
    const rank = Math.floor(Math.min(1, Math.max(0, q)) * (this.count - 1))
    if (rank < this.zeros) return 0
    let seen = this.zeros
    for (const i of [...this.bins.keys()].sort((a, b) => a - b)) {
      seen += this.bins.get(i)!
      if (seen > rank) return bucketValue(i)
    }
    return bucketValue(Math.max(...this.bins.keys()))
  }

  /** How many values are at most `value` (bucket-exact, so within the relative error). */
  countAtMost(value: number): number {
    if (value < 0) return 0
    let n = this.zeros
    if (!(value > ZERO_BELOW)) return n
    const limit = Math.ceil(Math.log(value) / LOG_GAMMA)
    for (const [i, c] of this.bins) if (i <= limit) n += c
    return n
  }

  /** Compact binary form: version, zeros, then (int16 bucket, uint32 count) pairs. */
  encode(): Buffer {
    const buf = Buffer.alloc(5 + this.bins.size * ENTRY_BYTES)
    buf.writeUInt8(FORMAT_VERSION, 0)
    buf.writeUInt32LE(this.zeros, 1)
    let o = 5
    for (const [i, n] of this.bins) {
      buf.writeInt16LE(i, o)
      buf.writeUInt32LE(n, o + 2)
      o += ENTRY_BYTES
    }
    return buf
  }

  /** Adds an encoded sketch into this one (no intermediate object). */
  mergeEncoded(buf: Buffer | Uint8Array | null | undefined): void {
    if (!buf || buf.length < 5) return
    const b = Buffer.isBuffer(buf) ? buf : Buffer.from(buf)
    if (b.readUInt8(0) !== FORMAT_VERSION) throw new Error(`unknown sketch format ${b.readUInt8(0)}`)
    const zeros = b.readUInt32LE(1)
    this.zeros += zeros
    this.count += zeros
    for (let o = 5; o + ENTRY_BYTES <= b.length; o += ENTRY_BYTES) {
      const i = b.readInt16LE(o)
      const n = b.readUInt32LE(o + 2)
      this.bins.set(i, (this.bins.get(i) ?? 0) + n)
      this.count += n
    }
  }

  static decode(buf: Buffer | Uint8Array | null | undefined): Sketch {
    const s = new Sketch()
    s.mergeEncoded(buf)
    return s
  }
}

function bucketValue(i: number): number {
  return (2 * GAMMA ** i) / (GAMMA + 1)
}
