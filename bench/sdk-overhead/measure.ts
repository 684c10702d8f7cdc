import { setImmediate as nextTurn } from 'node:timers/promises'

export type Figures = { p50Us: number; p99Us: number; meanUs: number; wallPerCallUs: number }

/**
 * Awaits `call` `n` times and times each call. Every `yieldEvery` calls it gives the event loop
 * a turn (outside the timed region), as a real app waiting on a network LLM would, so background
 * exporting runs; `wallPerCallUs` includes that background work.
 */
export async function measure(
  call: (q: string) => Promise<unknown>,
  n: number,
  yieldEvery = 50,
): Promise<Figures> {
  const samples = new Float64Array(n)
  const question = 'Where is my order?'
  const start = performance.now()
  for (let i = 0; i < n; i++) {
    const t0 = performance.now()
    await call(question)
    samples[i] = performance.now() - t0
    if (i % yieldEvery === yieldEvery - 1) await nextTurn()
  }
  const wall = performance.now() - start
  samples.sort()
  let sum = 0
  for (const s of samples) sum += s
  const us = (ms: number) => Math.round(ms * 1000 * 100) / 100
  return {
    p50Us: us(samples[Math.floor(n * 0.5)]!),
    p99Us: us(samples[Math.floor(n * 0.99)]!),
    meanUs: us(sum / n),
    wallPerCallUs: us(wall / n),
  }
}
