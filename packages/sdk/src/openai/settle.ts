import type { SpanRecord } from '../records.js'
import type { SpanUpdate } from '../types.js'

/**
 * Records a call's outcome on its generation span and ends it. An `error` in the outcome (a
 * response that failed or stopped early) fails the span, and the trace it started, with it.
 */
export function settle(span: SpanRecord, outcome: SpanUpdate): void {
  const { error, ...fields } = outcome
  span.update(fields)
  span.end(undefined, error, error !== undefined)
}
