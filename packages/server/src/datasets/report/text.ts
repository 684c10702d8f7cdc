import type { MetricComparison } from '../compare/compare.js'
import type { RegressionReport } from '../regression.js'
import type { RunSummary } from '../run/summary.js'

const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '–' : `${(x * 100).toFixed(1)} %`
const num = (x: number | null | undefined, digits = 3) =>
  x === null || x === undefined ? '–' : x.toFixed(digits)
const p = (x: number | null | undefined) =>
  x === null || x === undefined ? '–' : x < 0.001 ? '<0.001' : x.toFixed(3)
const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length))
const quote = (s: string, n = 60) => {
  const t = s.replace(/\s+/g, ' ').trim()
  return JSON.stringify(t.length > n ? `${t.slice(0, n - 1)}…` : t)
}

function metricRow(m: MetricComparison): string {
  const digits = m.metric === 'cost_usd' ? 6 : m.metric === 'latency_ms' ? 0 : 3
  return [
    pad(m.metric, 25),
    pad(num(m.baselineMean, digits), 11),
    pad(num(m.candidateMean, digits), 11),
    pad(m.meanDelta === null ? '–' : `${m.meanDelta >= 0 ? '+' : ''}${m.meanDelta.toFixed(digits)}`, 11),
    pad(`${m.better}/${m.worse}`, 13),
    pad(p(m.pairedT?.pValue), 9),
    p(m.sign.pValue),
  ].join('')
}

/** The report as a plain-text table for a terminal or a CI log. */
export function reportText(r: RegressionReport): string {
  const s = r.run.summary as unknown as RunSummary | null
  const out: string[] = []
  out.push(
    `dataset   ${r.dataset.name} v${r.dataset.version} (${s?.items ?? 0} items × ${r.run.repetitions})`,
  )
  out.push(`run       ${r.run.id}  ${r.run.name ?? ''}${r.run.simulated ? '  [simulated model]' : ''}`)
  out.push(
    `baseline  ${r.baseline ? `${r.baseline.id}  ${r.baseline.name ?? ''}` : `none (${r.baselineNote ?? 'not asked for'})`}`,
  )
  out.push(
    `pass rate ${pct(s?.passRate)} (${s?.passed ?? 0}/${s?.executions ?? 0})${s?.errors ? `, ${s.errors} model errors` : ''}` +
      (r.baseline
        ? `   baseline ${pct((r.baseline.summary as { passRate?: number } | null)?.passRate)}`
        : ''),
  )
  if (r.comparison?.metrics.length) {
    out.push(
      '',
      `${pad('metric', 25)}${pad('baseline', 11)}${pad('candidate', 11)}${pad('Δ', 11)}${pad('better/worse', 13)}${pad('p (t)', 9)}p (sign)`,
    )
    for (const m of r.comparison.metrics) out.push(metricRow(m))
  } else if (s) {
    out.push('', `${pad('metric', 25)}mean`)
    for (const [name, v] of Object.entries(s.scores)) out.push(`${pad(name, 25)}${num(v.mean)}`)
  }
  if (s?.assertions.length) {
    out.push('', 'assertions')
    for (const a of s.assertions)
      out.push(`  ${pad(a.name, 50)} ${pct(a.passRate)} (${a.passed}/${a.passed + a.failed})`)
  }
  if (r.gate.items.length) {
    out.push('', `${r.gate.mode === 'baseline' ? 'regressed' : 'failing'} items (${r.gate.items.length}):`)
    const byId = new Map(r.items.map((i) => [i.itemId, i]))
    for (const g of r.gate.items)
      out.push(`  ${g.itemId}  ${quote(byId.get(g.itemId)?.query ?? '')}`, `      ${g.reason}`)
  }
  out.push('', `result    ${r.gate.regression ? 'REGRESSION' : 'ok'}: ${r.gate.summary}`, '')
  return out.join('\n')
}
