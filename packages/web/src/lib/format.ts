/** Display formats. Every function accepts null and shows an en dash for "not recorded". */
export const NONE = '–'

const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return NONE
  if (ms < 1000) return `${int.format(ms)} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`
  return `${Math.floor(ms / 60_000)} m ${Math.round((ms % 60_000) / 1000)} s`
}

export function formatCost(usd: number | null | undefined): string {
  if (usd === null || usd === undefined) return NONE
  if (usd === 0) return '$0'
  if (usd < 0.000001) return '<$0.000001'
  // Two significant digits for the fractions of a cent that single LLM calls cost.
  if (usd < 0.01) return `$${usd.toPrecision(2).replace(/0+$/, '')}`
  if (usd < 1) return `$${usd.toFixed(4)}`
  return `$${usd.toFixed(2)}`
}

export function formatInt(n: number | null | undefined): string {
  return n === null || n === undefined ? NONE : int.format(n)
}

export function formatPercent(unit: number | null | undefined): string {
  return unit === null || unit === undefined ? NONE : `${Math.round(unit * 100)}%`
}

/** A rate with one decimal below 10 % (error rates live there), whole percents above. */
export function formatRate(unit: number | null | undefined): string {
  if (unit === null || unit === undefined) return NONE
  const pct = unit * 100
  return pct !== 0 && Math.abs(pct) < 10 ? `${pct.toFixed(1)}%` : `${Math.round(pct)}%`
}

/** A relative change (0.123 → "+12.3%"); one decimal below 100 %, whole percents above. */
export function formatChange(change: number | null | undefined): string {
  if (change === null || change === undefined) return NONE
  const pct = change * 100
  const text = Math.abs(pct) < 100 ? Math.abs(pct).toFixed(1) : int.format(Math.abs(pct))
  return `${pct > 0 ? '+' : pct < 0 ? '−' : '±'}${text}%`
}

export function formatScore(value: number | null | undefined): string {
  if (value === null || value === undefined) return NONE
  return Number.isInteger(value) ? String(value) : value.toFixed(2)
}

const compact = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})
const full = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'medium',
  hourCycle: 'h23',
})

/** Compact local time for tables. */
export function formatTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return NONE
  return compact.format(ms)
}

export function formatDateTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return NONE
  return full.format(ms)
}

export function humanize(id: string | null | undefined): string {
  if (!id) return NONE
  const s = id.replace(/_/g, ' ')
  return s.charAt(0).toUpperCase() + s.slice(1)
}

/** "1 prompt", "3 prompts". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatInt(n)} ${n === 1 ? one : many}`
}
