import { describe, expect, it } from 'vitest'
import { SKETCH_RELATIVE_ERROR, Sketch } from './sketch.js'

function exact(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(q * (sorted.length - 1))]!
}

function lognormal(n: number, seed: number): number[] {
  let s = seed
  const u = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31
    return (s + 1) / (2 ** 31 + 1)
  }
  return Array.from({ length: n }, () =>
    Math.exp(6 + Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u())),
  )
}

describe('Sketch', () => {
  it('keeps every percentile within the stated relative error', () => {
    const values = lognormal(20_000, 7)
    const s = new Sketch()
    for (const v of values) s.add(v)
    for (const q of [0.01, 0.1, 0.5, 0.9, 0.95, 0.99, 0.999, 1]) {
      const e = exact(values, q)
      expect(Math.abs(s.quantile(q)! - e) / e).toBeLessThanOrEqual(SKETCH_RELATIVE_ERROR)
    }
  })

  it('merges hourly sketches into the sketch of all their values', () => {
    const values = lognormal(5_000, 3)
    const whole = new Sketch()
    const merged = new Sketch()
    for (let h = 0; h < 10; h++) {
      const hour = new Sketch()
      for (const v of values.slice(h * 500, (h + 1) * 500)) {
        hour.add(v)
        whole.add(v)
      }
      merged.mergeEncoded(hour.encode())
    }
    expect(merged.count).toBe(5_000)
    for (const q of [0.5, 0.95, 0.99]) expect(merged.quantile(q)).toBe(whole.quantile(q))
  })

  it('counts zeros and answers null when empty', () => {
    const s = new Sketch()
    expect(s.quantile(0.5)).toBeNull()
    s.add(0)
    s.add(0)
    s.add(100)
    expect(s.quantile(0.5)).toBe(0)
    expect(s.countAtMost(50)).toBe(2)
    expect(Sketch.decode(s.encode()).quantile(1)).toBeCloseTo(100, 0)
  })
})
