import type { Query } from './api.js'
import { type GlobalState, rangeMs } from './url-state.js'

/** The global filters the analytics API applies (all of them). */
export const ANALYTICS_FILTERS = ['bot', 'version', 'model', 'environment', 'category', 'tag'] as const

/**
 * The window of an analytics query as explicit bounds: a preset range is the last N hours or
 * days up to the moment the page resolved it, so the previous window it is compared with is
 * just as long and just as complete (a `window=24h` would end at the end of the current hour
 * and compare a partial hour with a full one).
 */
export function analyticsWindow(
  g: GlobalState & { window: { from: number | undefined; to: number | undefined } },
): { from: number | undefined; to: number | undefined } {
  const ms = rangeMs(g.range)
  if (ms !== null && g.window.from !== undefined) return { from: g.window.from, to: g.window.from + ms }
  return g.window
}

/** Query parameters of the analytics routes (overview, series, trends) for the global state. */
export function analyticsQuery(
  g: GlobalState & { window: { from: number | undefined; to: number | undefined } },
  filters: readonly (typeof ANALYTICS_FILTERS)[number][] = ANALYTICS_FILTERS,
): Query {
  const q: Query = { ...analyticsWindow(g) }
  for (const k of filters) q[k] = g.filters[k]
  return q
}
