import { describe, expect, it } from 'vitest'
import { uuidv7 } from './uuid.js'

describe('uuidv7()', () => {
  it('produces RFC 9562 version 7 ids with the current time in the first 48 bits', () => {
    const before = Date.now()
    const id = uuidv7()
    const after = Date.now()
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    const ms = Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16)
    expect(ms).toBeGreaterThanOrEqual(before)
    expect(ms).toBeLessThanOrEqual(after + 1)
  })

  it('orders ids from one process strictly, even within one millisecond', () => {
    const ids = Array.from({ length: 50_000 }, () => uuidv7())
    const outOfOrder = ids.filter((id, i) => i > 0 && id <= ids[i - 1]!)
    expect(outOfOrder).toEqual([])
    expect(new Set(ids).size).toBe(ids.length)
  })
})
