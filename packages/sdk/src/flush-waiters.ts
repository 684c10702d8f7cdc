type Waiter = { target: number; resolve: () => void; timer: NodeJS.Timeout }

/**
 * Callers of flush() waiting until a number of events has left the queue. Events leave in
 * order, so "everything queued before my call" is "the count settled reaching my target".
 */
export class FlushWaiters {
  private waiters: Waiter[] = []

  get size(): number {
    return this.waiters.length
  }

  /** Resolves when `settle()` reaches `target`, or after `timeoutMs`; never rejects. */
  add(target: number, timeoutMs: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const waiter: Waiter = { target, resolve, timer: undefined as unknown as NodeJS.Timeout }
      // Not unref()'d: the caller awaits this, so the process must live until it resolves.
      waiter.timer = setTimeout(() => this.release(waiter), timeoutMs)
      this.waiters.push(waiter)
    })
  }

  /** Releases the waiters whose target is reached (all of them when `everyone`). */
  settle(settled: number, everyone = false): void {
    for (const w of [...this.waiters]) if (everyone || w.target <= settled) this.release(w)
  }

  private release(w: Waiter): void {
    clearTimeout(w.timer)
    const i = this.waiters.indexOf(w)
    if (i >= 0) this.waiters.splice(i, 1)
    w.resolve()
  }
}

/** A wait that can be cut short: the backoff before a retry, ended early at exit. */
export class Pause {
  private done: (() => void) | undefined

  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      // unref()'d: a pending retry must not keep the process alive.
      const timer = setTimeout(() => this.wake(), ms)
      timer.unref()
      this.done = () => {
        clearTimeout(timer)
        this.done = undefined
        resolve()
      }
    })
  }

  wake(): void {
    this.done?.()
  }
}
