/** How results read in sentences and tables. */

/** "+12.3 %" for a relative change; the absolute difference when there is no relative one. */
export function formatLift(relative: number | null, difference: number | null): string {
  if (relative !== null && Number.isFinite(relative)) {
    const pct = relative * 100
    const digits = Math.abs(pct) >= 10 ? 0 : 1
    return `${pct >= 0 ? '+' : '−'}${Math.abs(pct).toFixed(digits)} %`
  }
  if (difference === null) return '–'
  return `${difference >= 0 ? '+' : '−'}${formatNumber(Math.abs(difference))}`
}

export function formatP(p: number | null): string {
  if (p === null) return '–'
  if (p < 0.001) return '< 0.001'
  return p.toFixed(3)
}

/** Four significant digits, no exponent for the usual magnitudes. */
export function formatNumber(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return '–'
  if (x === 0) return '0'
  const abs = Math.abs(x)
  if (abs >= 1000) return Math.round(x).toLocaleString('en-US')
  if (abs < 0.001) return x.toExponential(2)
  return String(Number(x.toPrecision(4)))
}

/** "p = 0.012" or "p < 0.001", for sentences. */
export function pClause(p: number | null): string {
  if (p === null) return 'p unknown'
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`
}
