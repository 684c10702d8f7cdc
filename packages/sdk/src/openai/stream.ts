import type { SpanRecord } from '../records.js'
import type { SpanUpdate } from '../types.js'
import { settle } from './settle.js'

/** Rebuilds one streamed answer from its events, whatever API sent them. */
export interface StreamAccumulator {
  /** Takes one event, as the caller receives it. */
  add(event: unknown): void
  /** What to record once the stream ended; `interrupted` when the consumer stopped early. */
  outcome(interrupted: boolean): SpanUpdate
}

function finish(span: SpanRecord, acc: StreamAccumulator, interrupted: boolean): void {
  try {
    settle(span, acc.outcome(interrupted))
  } catch {
    span.end(undefined, undefined, false)
  }
}

/** Passes every event through unchanged while recording it; ends the span when the stream does. */
async function* observed(
  span: SpanRecord,
  source: AsyncIterable<unknown>,
  acc: StreamAccumulator,
): AsyncGenerator<unknown> {
  let settled = false
  try {
    for await (const event of source) {
      try {
        acc.add(event)
      } catch {}
      yield event
    }
    settled = true
    finish(span, acc, false)
  } catch (err) {
    settled = true
    span.end(undefined, err, true)
    throw err
  } finally {
    // The consumer stopped early (break, return): record what arrived.
    if (!settled) finish(span, acc, true)
  }
}

type Iterable = {
  iterator?: () => AsyncIterable<unknown>
  [Symbol.asyncIterator]?: () => AsyncIterator<unknown>
}

/**
 * Observes an OpenAI `Stream` in place, feeding its events to an accumulator made by
 * `accumulator`. Its iteration, `tee()` and `toReadableStream()` all draw from its `iterator`
 * function, so wrapping that one function covers every consumer and keeps the object (and its
 * class) as the caller expects.
 */
export function observeStream(span: SpanRecord, stream: unknown, accumulator: () => StreamAccumulator): void {
  const s = stream as Iterable
  if (typeof s?.iterator === 'function') {
    const inner = s.iterator
    s.iterator = function chatlensObserved(this: unknown) {
      return observed(span, inner.call(this), accumulator())
    }
  } else if (typeof s?.[Symbol.asyncIterator] === 'function') {
    const inner = s[Symbol.asyncIterator]!
    s[Symbol.asyncIterator] = function chatlensObserved(this: unknown) {
      return observed(span, { [Symbol.asyncIterator]: () => inner.call(this) }, accumulator())
    }
  } else {
    span.end(undefined, undefined, false)
  }
}
