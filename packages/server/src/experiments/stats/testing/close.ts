import { expect } from 'vitest'

/**
 * Asserts |actual − expected| ≤ tolerance · max(|expected|, floor): relative agreement for ordinary
 * values, absolute agreement (tolerance · floor) for values near zero.
 */
export function expectClose(
  actual: number,
  expected: number,
  tolerance = 1e-8,
  floor = Number.MIN_VALUE,
): void {
  const scale = Math.max(Math.abs(expected), floor)
  const error = Math.abs(actual - expected)
  expect(
    error <= tolerance * scale,
    `expected ${actual} to be within ${tolerance} (relative) of ${expected}`,
  ).toBe(true)
}
