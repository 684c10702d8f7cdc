/** Time as the chatbot and the SDK see it: the real one, or a virtual one for back-dated demos. */
export interface Clock {
  now(): number
}

export const realClock: Clock = { now: () => Date.now() }

/**
 * A clock that only moves when told to. The demo starts it days in the past and advances it by
 * the simulated model's latency and the users' pauses, so traffic lands spread over those days
 * with the latencies the simulated model reported.
 */
export class VirtualClock implements Clock {
  constructor(private t: number) {}
  now(): number {
    return this.t
  }
  advance(ms: number): void {
    this.t += Math.max(0, ms)
  }
  set(t: number): void {
    this.t = t
  }
}
