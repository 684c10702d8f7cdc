import { retryDelayMs } from './backoff.js'
import { exportSafely } from './batch.js'
import { MAX_BATCH_CHARS } from './constants.js'
import type { Exporter } from './exporter.js'
import type { Reporter } from './report.js'

/**
 * Sends one batch at a time and decides what its answer means: sent, refused (counted as
 * failed, reported with the server's message), or to be retried after a jittered exponential
 * backoff that honours Retry-After — until `maxRetries`, when the batch is given up. A batch
 * the server finds too large (413) is sent again at once in halves: `maxBatchChars` shrinks
 * for the rest of the client's life, since a server's body limit does not change between calls.
 */
export class Sender {
  readonly counts = { sent: 0, failed: 0, retried: 0 }
  /** Retries so far of the batch at the head of the queue; 0 when the last send settled. */
  attempt = 0
  /** Epoch ms before which the next attempt must not start. */
  nextAttemptAt = 0
  /** Most characters of events per batch; halved on each 413. */
  maxBatchChars = MAX_BATCH_CHARS

  constructor(
    private readonly exporter: Exporter,
    private readonly reporter: Reporter,
    private readonly maxRetries: number,
  ) {}

  /**
   * `done` when the batch is done with (sent or given up); `retry` when it must be sent again
   * after `nextAttemptAt`; `split` when it must be sent again at once, under `maxBatchChars`.
   */
  async send(batch: string[], stopping: () => boolean): Promise<'done' | 'retry' | 'split'> {
    const report = (...args: Parameters<Reporter['report']>) => this.reporter.report(...args)
    if (this.attempt > 0) this.counts.retried++
    const result = await exportSafely(this.exporter, batch, (err) =>
      report('exporter_error', `the exporter threw: ${String(err)}`, { cause: err }),
    )
    const n = batch.length
    if (result.status === 'failure' && result.httpStatus === 413 && n > 1) {
      const chars = batch.reduce((sum, json) => sum + json.length + 1, 0)
      this.maxBatchChars = Math.max(1, Math.min(this.maxBatchChars, Math.floor(chars / 2)))
      return 'split'
    }
    if (result.status === 'retryable' && !stopping() && this.attempt < this.maxRetries) {
      if (this.attempt === 0)
        report('server_unavailable', `cannot deliver events yet, will retry: ${result.message}`)
      this.attempt++
      this.nextAttemptAt = Date.now() + retryDelayMs(this.attempt, result.retryAfterMs)
      return 'retry'
    }
    if (result.status === 'success') {
      const rejected = Math.min(n, Math.max(0, result.rejected ?? 0))
      this.counts.sent += n - rejected
      this.counts.failed += rejected
      if (rejected > 0)
        report('event_rejected', `the server rejected ${rejected} of ${n} events: ${result.message}`)
    } else if (result.status === 'failure') {
      this.counts.failed += n
      const details = { status: result.httpStatus, count: n }
      report('request_rejected', `the server refused a batch of ${n} events: ${result.message}`, details)
    } else {
      this.counts.failed += n
      report('delivery_failed', `gave up on ${n} events after ${this.attempt} retries: ${result.message}`)
    }
    this.attempt = 0
    this.nextAttemptAt = 0
    return 'done'
  }
}
