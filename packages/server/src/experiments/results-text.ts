import type { Comparison } from './compare.js'
import { formatLift, formatNumber, formatP } from './format.js'
import type { ExperimentResults, MetricResult } from './results.js'

/** Columns padded to their widest cell (widths by visible characters). */
export function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  return [header, ...rows].map((r) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  )
}

const when = (t: number | null) =>
  t === null ? '–' : `${new Date(t).toISOString().replace('T', ' ').slice(0, 16)} UTC`
const pct = (x: number) => `${(x * 100).toFixed(Math.abs(x) >= 0.1 ? 0 : 1)} %`

function value(m: MetricResult, x: number | null): string {
  if (x === null) return '–'
  if (m.kind === 'rate') return `${(x * 100).toFixed(1)} %`
  if (m.unit === 'ms') return `${Math.round(x)} ms`
  if (m.unit === 'USD') return `$${x >= 0.01 ? x.toFixed(3) : x.toFixed(6)}`
  return formatNumber(x)
}

function change(c: Comparison, sequential: boolean): string[] {
  if (c.verdict === 'insufficient_data') return ['not enough data', '–', '–']
  const ci = sequential ? c.sequential?.ciRelative : c.relativeLift?.ci
  const interval = ci ? ` (${formatLift(ci.lower, null)} … ${formatLift(ci.upper, null)})` : ''
  const p = sequential ? (c.sequential?.pValueAdjusted ?? null) : c.pValueAdjusted
  const verdict = c.verdict === 'inconclusive' ? '–' : c.verdict
  return [`${formatLift(c.relativeLift?.estimate ?? null, c.difference)}${interval}`, formatP(p), verdict]
}

/** An experiment's results as lines of text: header, exposure, sample-ratio check, metrics, decision. */
export function resultsText(r: ExperimentResults): string[] {
  const e = r.experiment
  const sequential = r.mode === 'sequential'
  const s = e.settings
  const out = [
    `${e.name} (${e.key}) · ${e.status}${e.startedAt ? ` since ${when(e.startedAt)}` : ''}${e.stoppedAt ? ` until ${when(e.stoppedAt)}` : ''}`,
    `unit ${e.unit} · ${r.mode} · ${s.correction === 'bh' ? 'Benjamini–Hochberg' : s.correction === 'holm' ? 'Holm' : 'no'} correction · α ${s.alpha} · power ${s.power} · minimum effect ${pct(s.minimumEffect)}`,
  ]
  if (e.hypothesis) out.push(`hypothesis: ${e.hypothesis}`)
  if (r.receivedFrom !== null)
    out.push(`re-randomised: counting traces received since ${when(r.receivedFrom)}`)
  out.push('')
  out.push(
    ...table(
      ['variant', 'weight', 'units', 'share', 'turns', 'sessions'],
      r.variants.map((v) => [
        `${v.key}${v.key === e.control ? ' (control)' : ''}`,
        pct(v.expectedShare),
        String(v.units),
        v.share === null ? '–' : pct(v.share),
        String(v.traces),
        String(v.sessions),
      ]),
    ),
  )
  out.push(
    r.srm
      ? `sample ratio: ${r.srm.mismatch ? 'MISMATCH' : 'ok'} (χ² ${formatNumber(r.srm.chiSquare)}, p = ${formatNumber(r.srm.pValue)})`
      : 'sample ratio: no units yet',
  )
  for (const w of r.checks.warnings) out.push(`warning: ${w}`)
  out.push('')
  const others = e.variants.filter((v) => v.key !== e.control).map((v) => v.key)
  const header = ['metric', ...e.variants.map((v) => v.key)]
  for (const k of others) {
    const suffix = others.length > 1 ? ` ${k}` : ''
    header.push(
      `change${suffix} (${sequential ? 'always-valid ' : ''}${Math.round((1 - s.alpha) * 100)} % CI)`,
      `adj. p${suffix}`,
      `verdict${suffix}`,
    )
  }
  const rows = r.metrics.map((m) => {
    const role = m.role === 'primary' ? ' [primary]' : m.role === 'guardrail' ? ' [guardrail]' : ''
    const row = [`${m.label}${role}`, ...m.arms.map((a) => value(m, a.mean))]
    for (const k of others) {
      const c = m.comparisons.find((x) => x.variant === k)
      row.push(...(c ? change(c, sequential) : ['–', '–', '–']))
    }
    return row
  })
  out.push(...table(header, rows))
  out.push(
    '',
    `recommendation: ${r.recommendation.decision.replace('_', ' ').toUpperCase()}${r.recommendation.winner ? ` ${r.recommendation.winner}` : ''}`,
  )
  out.push(`  ${r.recommendation.summary}`)
  for (const reason of r.recommendation.reasons) out.push(`  - ${reason}`)
  return out
}
