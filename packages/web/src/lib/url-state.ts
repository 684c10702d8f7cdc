/**
 * The state every page shares lives in the address: a time range and the global filters. Links
 * between pages carry it along, so a filtered view can be bookmarked or sent to a colleague.
 */
const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

export const RANGES = [
  { id: '1h', label: '1 h', title: 'Last hour', ms: HOUR_MS },
  { id: '24h', label: '24 h', title: 'Last 24 hours', ms: DAY_MS },
  { id: '7d', label: '7 d', title: 'Last 7 days', ms: 7 * DAY_MS },
  { id: '30d', label: '30 d', title: 'Last 30 days', ms: 30 * DAY_MS },
  { id: '90d', label: '90 d', title: 'Last 90 days', ms: 90 * DAY_MS },
] as const
export type RangeId = (typeof RANGES)[number]['id'] | 'custom'
export const DEFAULT_RANGE: RangeId = '7d'

/** Filters that apply on every page; the names are the API's query parameters. */
export const GLOBAL_FILTERS = [
  { key: 'bot', label: 'Bot' },
  { key: 'version', label: 'Version' },
  { key: 'model', label: 'Model' },
  { key: 'environment', label: 'Environment' },
  { key: 'category', label: 'Category' },
  { key: 'tag', label: 'Tag' },
] as const
export type GlobalFilterKey = (typeof GLOBAL_FILTERS)[number]['key']
export type GlobalFilters = Partial<Record<GlobalFilterKey, string>>

export type GlobalState = { range: RangeId; from: string | null; to: string | null; filters: GlobalFilters }

const GLOBAL_KEYS = ['range', 'from', 'to', ...GLOBAL_FILTERS.map((f) => f.key)]

export function readGlobal(params: URLSearchParams): GlobalState {
  const raw = params.get('range')
  const from = params.get('from')
  const to = params.get('to')
  const range: RangeId =
    raw === 'custom' && (from || to) ? 'custom' : (RANGES.find((r) => r.id === raw)?.id ?? DEFAULT_RANGE)
  const filters: GlobalFilters = {}
  for (const { key } of GLOBAL_FILTERS) {
    const v = params.get(key)?.trim()
    if (v) filters[key] = v
  }
  return { range, from: range === 'custom' ? from : null, to: range === 'custom' ? to : null, filters }
}

/** The window as epoch ms; a relative range ends now. */
export function timeWindow(
  g: GlobalState,
  now = Date.now(),
): { from: number | undefined; to: number | undefined } {
  if (g.range === 'custom') {
    const from = g.from ? Date.parse(g.from) : Number.NaN
    const to = g.to ? Date.parse(g.to) : Number.NaN
    return { from: Number.isFinite(from) ? from : undefined, to: Number.isFinite(to) ? to : undefined }
  }
  const range = RANGES.find((r) => r.id === g.range)!
  return { from: now - range.ms, to: undefined }
}

/** The length of a preset range in ms; null for a custom window. */
export function rangeMs(range: RangeId): number | null {
  return RANGES.find((r) => r.id === range)?.ms ?? null
}

/** Only the shared parameters, to carry across pages. */
export function globalSearch(params: URLSearchParams): string {
  const kept = new URLSearchParams()
  for (const k of GLOBAL_KEYS) {
    const v = params.get(k)
    if (v) kept.set(k, v)
  }
  const s = kept.toString()
  return s ? `?${s}` : ''
}

export function rangeLabel(g: GlobalState): string {
  if (g.range !== 'custom') return RANGES.find((r) => r.id === g.range)!.title
  const fmt = (s: string | null) => (s ? new Date(s).toLocaleString() : '…')
  return `${fmt(g.from)} – ${fmt(g.to)}`
}
