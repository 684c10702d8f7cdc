import { AsyncLocalStorage } from 'node:async_hooks'
import type { SpanRecord, TraceRecord } from './records.js'

/** One store for the whole process: the trace or span whose function is running. */
export const storage = new AsyncLocalStorage<TraceRecord | SpanRecord>()

const isThenable = (v: unknown): v is PromiseLike<unknown> =>
  typeof v === 'object' && v !== null && typeof (v as { then?: unknown }).then === 'function'

type Ended = { end(result: unknown, failure: unknown, failed: boolean): void }

async function settle<R>(record: Ended, promise: Promise<R>): Promise<R> {
  try {
    const value = await promise
    record.end(value, undefined, false)
    return value
  } catch (err) {
    record.end(undefined, err, true)
    throw err
  }
}

/**
 * Runs `fn` with `record` as the current trace/span and ends the record when `fn` returns,
 * throws, or its promise settles. The user's errors and values pass through unchanged.
 */
export function runIn<R>(
  record: TraceRecord | SpanRecord,
  // biome-ignore lint/suspicious/noExplicitAny: any function, called either with the handle or with args
  fn: (...args: any[]) => R,
  thisArg?: unknown,
  args?: unknown[],
): R {
  let result: R
  try {
    result =
      args === undefined
        ? storage.run(record, fn, record)
        : (storage.run(record, Reflect.apply, fn, thisArg, args) as R)
  } catch (err) {
    record.end(undefined, err, true)
    throw err
  }
  if (result instanceof Promise) return settle(record, result) as R
  if (isThenable(result)) return settle(record, Promise.resolve(result)) as R
  record.end(result, undefined, false)
  return result
}
