/** How reports print figures: units in the text, "–" for "no data". */
export const dash = '–'
export const num = (v: number | null | undefined, digits = 2) =>
  v == null
    ? dash
    : Math.abs(v) >= 1000
      ? Math.round(v).toLocaleString('en')
      : Number(v.toFixed(digits)).toString()
export const pct = (v: number | null | undefined) => (v == null ? dash : `${(v * 100).toFixed(1)} %`)
export const usd = (v: number | null | undefined) =>
  v == null
    ? dash
    : v === 0
      ? '$0'
      : v >= 1
        ? `$${v.toFixed(2)}`
        : v >= 0.01
          ? `$${v.toFixed(3)}`
          : `$${v.toFixed(5)}`
export const ms = (v: number | null | undefined) =>
  v == null ? dash : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${Math.round(v)} ms`
export const date = (t: number | null | undefined) =>
  t == null ? dash : new Date(t).toISOString().replace('T', ' ').slice(0, 16)
/** A trend's change in percent; "new" when the previous window had none of it. */
export const change = (
  t: { changePct: number | null; previous: number | null; current: number | null } | undefined,
) =>
  t?.changePct == null
    ? t?.previous === 0 && (t.current ?? 0) > 0
      ? 'new'
      : dash
    : `${t.changePct > 0 ? '+' : ''}${(t.changePct * 100).toFixed(1)} %`
/** A p-value as tests print it: "p < 0.001" rather than "p = 0". */
export const pValue = (p: number | null | undefined) =>
  p == null ? dash : p < 0.001 ? 'p < 0.001' : `p = ${Number(p.toFixed(3))}`

/** How each KPI is printed. */
export const KPI_FORMAT: Record<string, [string, (v: number | null) => string]> = {
  conversations: ['Conversations', (v) => num(v, 0)],
  interactions: ['Interactions', (v) => num(v, 0)],
  evaluated: ['Evaluated interactions', (v) => num(v, 0)],
  costUsd: ['Cost', usd],
  costPerConversationUsd: ['Cost per conversation', usd],
  avgLatencyMs: ['Average latency', ms],
  p95LatencyMs: ['p95 latency', ms],
  errorRate: ['Error rate', pct],
  avgRelevance: ['Average relevance', (v) => num(v)],
  qualityMean: ['Average quality', (v) => num(v)],
  highQualityShare: ['High-quality share (≥ 0.8)', pct],
  satisfaction: ['User satisfaction', (v) => num(v)],
}
