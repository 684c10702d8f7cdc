import type { Sketch } from './sketch.js'

/** Bin edges of the latency histogram in ms (the last bin is open-ended). */
export const LATENCY_HISTOGRAM_EDGES_MS = [0, 100, 250, 500, 750, 1000, 1500, 2000, 3000, 5000, 10_000]

export type HistogramBin = { fromMs: number; toMs: number | null; count: number }

/** Counts per latency bin from the sketch; a value lands within the sketch's relative error of its true bin. */
export function latencyHistogram(sketch: Sketch, edges = LATENCY_HISTOGRAM_EDGES_MS): HistogramBin[] {
  const bins: HistogramBin[] = []
  let below = 0
  for (let i = 0; i < edges.length; i++) {
    const to = edges[i + 1] ?? null
    const atMost = to === null ? sketch.count : sketch.countAtMost(to)
    bins.push({ fromMs: edges[i]!, toMs: to, count: atMost - below })
    below = atMost
  }
  return bins
}
