import { takeBatch } from './batch.js'
import { offExit, onExit } from './exit-hook.js'
import type { Exporter } from './exporter.js'
import { FlushWaiters, Pause } from './flush-waiters.js'
import type { Reporter } from './report.js'
import { Sender } from './sender.js'
import type { ChatlensStats } from './types.js'
import { PlainEvent, type Queued } from './wire.js'

export type ProcessorOptions = {
  exporter: Exporter
  reporter: Reporter
  flushAt: number
  flushIntervalMs: number
  maxQueueSize: number
  maxRetries: number
  flushTimeoutMs: number
}

/**
 * Holds events in a bounded FIFO queue and sends them in batches, one request at a time, with
 * retries. When the queue is full, NEW events are dropped: the oldest ones may be in flight or
 * waiting for a retry, and dropping at the tail keeps that O(1). Timers are unref()'d so the
 * queue never keeps the process alive; a 'beforeExit' hook sends what is left.
 */
export class BatchProcessor {
  private queue: Queued[] = []
  private inflight = 0
  /** Events ever queued, and events that left the queue for good (sent, failed or dropped). */
  private accepted = 0
  private settled = 0
  private dropped = 0
  /** Events that could not be serialised (a bug); the sender counts the rest. */
  private unsent = 0
  private readonly sender: Sender
  private timer: NodeJS.Timeout | undefined
  private kicked = false
  private running: Promise<void> | undefined
  private readonly pause = new Pause()
  private readonly waiters = new FlushWaiters()
  private stopped = false
  private exiting = false
  private exitMark = -1
  /** The last batch was too large for the server and waits at the head, to go out in halves. */
  private resendNow = false
  private closing: Promise<void> | undefined
  readonly complain = (message: string) => this.o.reporter.report('invalid_argument', message)

  constructor(private readonly o: ProcessorOptions) {
    this.sender = new Sender(o.exporter, o.reporter, o.maxRetries)
    onExit(this)
  }

  enqueue(item: Queued): void {
    try {
      if (this.stopped) {
        this.dropped++
        this.o.reporter.report('after_shutdown', 'an event was recorded after shutdown() and dropped')
        return
      }
      if (this.queue.length + this.inflight >= this.o.maxQueueSize) {
        this.dropped++
        const message = `the queue holds ${this.o.maxQueueSize} events; new events are dropped until it drains`
        this.o.reporter.report('queue_full', message)
        return
      }
      this.queue.push(item)
      this.accepted++
      if (this.running !== undefined) return
      if (this.queue.length >= this.o.flushAt) this.kick()
      else if (this.timer === undefined) this.armTimer()
    } catch (err) {
      this.o.reporter.report('internal_error', `enqueue failed: ${String(err)}`)
    }
  }

  stats(): ChatlensStats {
    const { sent, failed, retried } = this.sender.counts
    return {
      queued: this.queue.length + this.inflight,
      sent,
      dropped: this.dropped,
      failed: failed + this.unsent,
      retried,
    }
  }

  /** Resolves once every event queued before the call was sent or given up, or at the timeout. */
  flush(timeoutMs = this.o.flushTimeoutMs): Promise<void> {
    if (this.settled >= this.accepted) return Promise.resolve()
    const done = this.waiters.add(this.accepted, timeoutMs)
    void this.drain()
    return done
  }

  shutdown(timeoutMs = this.o.flushTimeoutMs): Promise<void> {
    this.closing ??= this.close(timeoutMs).catch(() => {})
    return this.closing
  }

  exitFlush(): void {
    if (this.stopped || this.queue.length === 0 || this.exitMark === this.accepted) return
    this.exitMark = this.accepted
    this.exiting = true
    this.sender.nextAttemptAt = 0
    this.pause.wake()
    void this.drain()
  }

  private async close(timeoutMs: number): Promise<void> {
    offExit(this)
    this.clearTimer()
    await this.flush(timeoutMs)
    this.stopped = true
    this.pause.wake()
    const left = this.queue.length
    if (left > 0) {
      this.dropped += left
      this.settled += left
      this.queue = []
      this.o.reporter.report('delivery_failed', `${left} events were not delivered before shutdown`)
    }
    this.waiters.settle(this.settled, true)
    await this.o.exporter.shutdown?.()
  }

  private kick(): void {
    if (this.kicked) return
    this.kicked = true
    // Send from a fresh turn of the event loop, not inside the traced call that filled the batch.
    setImmediate(() => {
      this.kicked = false
      void this.drain()
    }).unref()
  }

  private armTimer(): void {
    this.timer = setTimeout(this.onTimer, this.o.flushIntervalMs)
    this.timer.unref()
  }

  private readonly onTimer = () => {
    this.timer = undefined
    void this.drain()
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer)
    this.timer = undefined
  }

  private drain(): Promise<void> {
    if (this.running !== undefined) return this.running
    this.clearTimer()
    const run = this.loop()
    this.running = run
    void run.then(() => {
      if (this.running === run) this.running = undefined
      this.exiting = false
      if (this.stopped || this.queue.length === 0) return
      if (this.urgent()) void this.drain()
      else if (this.timer === undefined) this.armTimer()
    })
    return run
  }

  private urgent(): boolean {
    return (
      this.queue.length >= this.o.flushAt ||
      this.waiters.size > 0 ||
      this.exiting ||
      this.sender.attempt > 0 ||
      this.resendNow
    )
  }

  private async loop(): Promise<void> {
    try {
      let first = true
      while (this.queue.length > 0 && !this.stopped && (first || this.urgent())) {
        first = false
        const wait = this.sender.nextAttemptAt - Date.now()
        if (wait > 0) await this.pause.wait(wait)
        if (this.stopped) break
        const batch = takeBatch(this.queue, this.complain, this.unserialisable, this.sender.maxBatchChars)
        this.inflight = batch.length
        if (batch.length > 0) await this.send(batch)
      }
    } catch (err) {
      this.o.reporter.report('internal_error', `sending failed: ${String(err)}`)
    }
  }

  private readonly unserialisable = (err: unknown) => {
    this.unsent++
    this.settled++
    this.o.reporter.report('internal_error', `an event could not be serialised: ${String(err)}`)
  }

  private async send(batch: string[]): Promise<void> {
    const outcome = await this.sender.send(batch, () => this.stopped)
    this.inflight = 0
    if (outcome !== 'done') {
      // Back at the head as the same JSON, so the retry keeps the event ids.
      this.queue = batch.map((json): Queued => new PlainEvent(json)).concat(this.queue)
      this.resendNow = outcome === 'split'
      return
    }
    this.resendNow = false
    this.settled += batch.length
    this.waiters.settle(this.settled)
  }
}
