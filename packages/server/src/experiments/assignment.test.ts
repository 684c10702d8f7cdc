import { describe, expect, it } from 'vitest'
import { assignVariant, BUCKET_COUNT, bucketOf, bucketRanges, fnv1a32 } from './assignment.js'
import { sampleRatioMismatch } from './stats/srm.js'
import { mulberry32 } from './stats/testing/random.js'

const UNITS = 100_000

function split(seed: string, weights: number[], unitId: (i: number) => string): number[] {
  const experiment = { key: 'exp', seed, variants: weights.map((weight, i) => ({ key: `v${i}`, weight })) }
  const counts = weights.map(() => 0)
  for (let i = 0; i < UNITS; i++) counts[Number(assignVariant(experiment, unitId(i)).slice(1))]! += 1
  return counts
}

describe('variant assignment', () => {
  it('hashes the published FNV-1a 32-bit test vectors', () => {
    // From the FNV reference test suite (Noll, fnv_test.c; draft-eastlake-fnv).
    expect(fnv1a32('')).toBe(0x811c9dc5)
    expect(fnv1a32('a')).toBe(0xe40c292c)
    expect(fnv1a32('foobar')).toBe(0xbf9cf968)
  })

  it('hashes the UTF-8 bytes of non-ASCII ids', () => {
    // Independent Python implementation over 'café'.encode('utf-8') gives 0xa82b5049.
    expect(fnv1a32('café')).toBe(0xa82b5049)
  })

  it('puts a unit in the bucket given by fmix32 of the hash of seed:unitId, mod 10 000', () => {
    // fnv1a32('checkout-v2:user-42') = 0x7f5b9e9a; the Python reference in docs/statistics.md gives 9741.
    expect(bucketOf('checkout-v2', 'user-42')).toBe(9741)
  })

  it('gives the same unit the same variant every time', () => {
    const experiment = {
      key: 'tone',
      seed: 'tone-2024',
      variants: [
        { key: 'a', weight: 1 },
        { key: 'b', weight: 1 },
      ],
    }
    const first = Array.from({ length: 200 }, (_, i) => assignVariant(experiment, `user-${i}`))
    const again = Array.from({ length: 200 }, (_, i) => assignVariant(experiment, `user-${i}`))
    expect(again).toEqual(first)
  })

  it('reshuffles units when the seed changes', () => {
    const variants = [
      { key: 'a', weight: 1 },
      { key: 'b', weight: 1 },
    ]
    let changed = 0
    for (let i = 0; i < 10_000; i++) {
      const id = `user-${i}`
      if (
        assignVariant({ key: 'x', seed: 'one', variants }, id) !==
        assignVariant({ key: 'x', seed: 'two', variants }, id)
      ) {
        changed += 1
      }
    }
    // Independent 50/50 assignments disagree half the time.
    expect(changed).toBeGreaterThan(4_700)
    expect(changed).toBeLessThan(5_300)
  })

  it('splits exactly 10 000 buckets into contiguous ranges within one bucket of each share', () => {
    for (const weights of [
      [1, 1, 1],
      [0.1, 0.2, 0.7],
      [1, 6],
      [33, 33, 33, 1],
      [3, 0, 7],
    ]) {
      const ranges = bucketRanges(weights.map((weight, i) => ({ key: `v${i}`, weight })))
      const total = weights.reduce((s, w) => s + w, 0)
      expect(ranges[0]!.start).toBe(0)
      expect(ranges.at(-1)!.end).toBe(BUCKET_COUNT)
      ranges.forEach((r, i) => {
        if (i > 0) expect(r.start).toBe(ranges[i - 1]!.end)
        expect(Math.abs(r.end - r.start - (BUCKET_COUNT * weights[i]!) / total)).toBeLessThanOrEqual(1)
      })
    }
    expect(
      bucketRanges([
        { key: 'a', weight: 1 },
        { key: 'b', weight: 1 },
        { key: 'c', weight: 1 },
      ]),
    ).toEqual([
      { key: 'a', start: 0, end: 3333 },
      { key: 'b', start: 3333, end: 6667 },
      { key: 'c', start: 6667, end: 10_000 },
    ])
  })

  it('never assigns a variant of weight 0', () => {
    const counts = split('zero-weight', [1, 0, 1], (i) => `user-${i}`)
    expect(counts[1]).toBe(0)
  })

  it('rejects empty, negative, all-zero and duplicate variants', () => {
    expect(() => bucketRanges([])).toThrow(RangeError)
    expect(() =>
      bucketRanges([
        { key: 'a', weight: -1 },
        { key: 'b', weight: 2 },
      ]),
    ).toThrow(RangeError)
    expect(() => bucketRanges([{ key: 'a', weight: 0 }])).toThrow(RangeError)
    expect(() =>
      bucketRanges([
        { key: 'a', weight: 1 },
        { key: 'a', weight: 1 },
      ]),
    ).toThrow(RangeError)
  })

  describe('on 100 000 simulated units, passes the sample-ratio-mismatch check (p > 0.001)', () => {
    const weightSets = [
      [50, 50],
      [10, 90],
      [1, 1, 1],
      [0.2, 0.3, 0.5],
      [1, 2, 3, 4],
    ]
    for (const weights of weightSets) {
      it(`with weights ${weights.join('/')} and sequential user ids`, () => {
        const counts = split('checkout-v2', weights, (i) => `user-${i}`)
        expect(sampleRatioMismatch(counts, weights).pValue).toBeGreaterThan(0.001)
      })
    }

    it('with weights 50/50 and random hexadecimal session ids', () => {
      const uniform = mulberry32(31337)
      const hex = () =>
        Math.floor(uniform() * 2 ** 32)
          .toString(16)
          .padStart(8, '0')
      const counts = split('greeting-test', [50, 50], () => `${hex()}${hex()}-${hex()}`)
      expect(sampleRatioMismatch(counts, [50, 50]).pValue).toBeGreaterThan(0.001)
    })
  })
})
