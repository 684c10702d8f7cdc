import { expect } from 'vitest'

type Timed = Record<string, unknown>

/** A streamed generation's first token came after it started and before it ended, and the trace has a TTFT. */
export function expectFirstTokenInside(gen: Timed, trace: Timed): void {
  const start = Date.parse(gen.startTime as string)
  const first = Date.parse(gen.completionStartTime as string)
  const end = Date.parse(gen.endTime as string)
  expect(first).toBeGreaterThan(start)
  expect(first).toBeLessThan(end)
  expect(trace.timeToFirstTokenMs as number).toBeGreaterThan(0)
}
