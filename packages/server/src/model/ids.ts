import { randomBytes } from 'node:crypto'

const POOL_BYTES = 4096
let pool = randomBytes(POOL_BYTES)
let offset = POOL_BYTES

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

/** A UUIDv7 (RFC 9562): 48-bit unix ms, then random bits; sorts by creation time. */
export function newId(now = Date.now()): string {
  if (offset + 10 > POOL_BYTES) {
    pool = randomBytes(POOL_BYTES)
    offset = 0
  }
  const r = pool
  const o = offset
  offset += 10
  const ms = now.toString(16).padStart(12, '0')
  return (
    `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7${HEX[r[o]!]!.slice(1)}${HEX[r[o + 1]!]}-` +
    `${HEX[(r[o + 2]! & 0x3f) | 0x80]}${HEX[r[o + 3]!]}-` +
    `${HEX[r[o + 4]!]}${HEX[r[o + 5]!]}${HEX[r[o + 6]!]}${HEX[r[o + 7]!]}${HEX[r[o + 8]!]}${HEX[r[o + 9]!]}`
  )
}
