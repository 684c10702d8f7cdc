/** Runs `fn` once to warm caches, then `runs` times; returns the timings in ms, sorted. */
export async function timeIt(fn: () => Promise<unknown>, runs = 7): Promise<number[]> {
  await fn()
  const out: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await fn()
    out.push(performance.now() - t)
  }
  return out.sort((a, b) => a - b)
}

export const median = (xs: number[]) => xs[Math.floor(xs.length / 2)]!
export const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits
