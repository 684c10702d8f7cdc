import { randomFillSync } from 'node:crypto'

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))
/** Random bytes are drawn from the OS in pools so one id costs no system call. */
const POOL_BYTES = 4096
const pool = Buffer.allocUnsafe(POOL_BYTES)
let poolAt = POOL_BYTES

let lastMs = -1
let counter = 0
let prefix = ''

function randomBytes(n: number): number {
  if (poolAt + n > POOL_BYTES) {
    randomFillSync(pool)
    poolAt = 0
  }
  const at = poolAt
  poolAt += n
  return at
}

function setMs(ms: number): void {
  lastMs = ms
  const hex = ms.toString(16).padStart(12, '0')
  prefix = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-`
  // Seed the 12-bit counter in its lower half so a busy millisecond has 2048+ ids to go.
  const at = randomBytes(2)
  counter = ((pool[at]! << 8) | pool[at + 1]!) & 0x7ff
}

/**
 * A UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, a 12-bit counter that keeps ids from one
 * process strictly increasing within a millisecond, then 62 random bits. `nowMs` lets a caller
 * that just read the clock pass it on.
 *
 * @example
 * const id = uuidv7() // '01933b5e-8f3a-7c21-9d4e-5b1f0a2c3d4e'
 */
export function uuidv7(nowMs: number = Date.now()): string {
  const now = Math.floor(nowMs)
  if (now > lastMs) setMs(now)
  else if (++counter > 0xfff) setMs(lastMs + 1)
  const r = randomBytes(8)
  const p = pool
  return (
    prefix +
    HEX[0x70 | (counter >> 8)]! +
    HEX[counter & 0xff]! +
    '-' +
    HEX[0x80 | (p[r]! & 0x3f)]! +
    HEX[p[r + 1]!]! +
    '-' +
    HEX[p[r + 2]!]! +
    HEX[p[r + 3]!]! +
    HEX[p[r + 4]!]! +
    HEX[p[r + 5]!]! +
    HEX[p[r + 6]!]! +
    HEX[p[r + 7]!]!
  )
}
