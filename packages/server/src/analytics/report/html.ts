import type { Report } from './build.js'
import { change, date, KPI_FORMAT, ms, num, pct, usd } from './format.js'
import { detailSections } from './html-sections.js'
import { barChart, esc, lineChart, scatterChart, stackedBar } from './svg.js'

const STYLE = `body{font:14px/1.5 system-ui,-apple-system,Segoe UI,sans-serif;max-width:1080px;margin:24px auto;padding:0 16px;color:#111827}
h1{font-size:22px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #e5e7eb;padding-bottom:4px}
.kpis{display:grid;grid-template-columns:repeat(auto-fill,minmax(180px,1fr));gap:10px}
.kpi{border:1px solid #e5e7eb;border-radius:8px;padding:10px}.kpi b{display:block;font-size:20px}.kpi small{color:#6b7280}
.up{color:#16a34a}.down{color:#dc2626}.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(460px,1fr));gap:16px}
figure{margin:0;border:1px solid #e5e7eb;border-radius:8px;padding:8px}figcaption{font-weight:600;margin-bottom:4px}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #e5e7eb;padding:4px 8px;text-align:left;vertical-align:top}
.muted{color:#6b7280}li{margin:4px 0}`

const shortTime = (t: number, hourly: boolean) =>
  new Date(t).toISOString().slice(hourly ? 11 : 5, hourly ? 16 : 10)

function kpiCards(r: Report): string {
  return Object.entries(KPI_FORMAT)
    .map(([k, [label, f]]) => {
      const kpi = r.overview.kpis[k]
      const cls = kpi?.improved === true ? 'up' : kpi?.improved === false ? 'down' : ''
      const sig = kpi?.significant ? ' *' : ''
      return `<div class="kpi"><small>${esc(label)}</small><b>${esc(f(kpi?.current ?? null))}</b><span class="${cls}">${esc(change(kpi))}${sig}</span> <small>vs ${esc(f(kpi?.previous ?? null))}</small></div>`
    })
    .join('')
}

function charts(r: Report): string {
  const o = r.overview
  const hourly = o.interval === 'hour'
  const labels = o.series.map((p) => shortTime(p.start, hourly))
  const scoreNames = Object.keys(o.metrics.scores).filter((n) =>
    ['quality', 'relevance', 'coherence', 'helpfulness'].includes(n),
  )
  const figs: [string, string][] = [
    ['Quality over time', lineChart({ labels, yMax: 1, label: 'quality over time', series: (scoreNames.length ? scoreNames : ['quality']).map((name) => ({ name, values: o.series.map((p) => p.scores[name] ?? null) })) })],
    ['Cost per conversation', barChart({ labels, values: o.series.map((p) => p.costPerConversationUsd ?? 0), yFmt: (v) => usd(v), label: 'cost per conversation' })],
    ['Latency histogram', barChart({ labels: o.latencyHistogram.map((b) => (b.toMs === null ? `≥${ms(b.fromMs)}` : ms(b.toMs))), values: o.latencyHistogram.map((b) => b.count), yFmt: (v) => num(v, 0), label: 'latency histogram', color: '#7c3aed' })],
    ['Response-time trend', lineChart({ labels, yFmt: (v) => ms(v), label: 'response time trend', series: [{ name: 'p50', values: o.series.map((p) => p.latencyP50Ms) }, { name: 'p95', values: o.series.map((p) => p.latencyP95Ms) }, { name: 'mean', values: o.series.map((p) => p.latencyMeanMs) }] })],
    ['Quality vs latency', o.qualityVsLatency.length ? scatterChart({ points: o.qualityVsLatency.map((p) => [p.latencyMs, p.quality]), yMax: 1, xFmt: (v) => ms(v), label: 'quality against latency', xLabel: 'latency' }) : '<p class="muted">No interaction has both a quality score and a latency.</p>'],
    ['Sentiment', o.metrics.sentiment.n ? stackedBar({ label: 'sentiment split', parts: [{ label: `positive ${pct(o.metrics.sentiment.positive)}`, value: o.metrics.sentiment.positive ?? 0, color: '#16a34a' }, { label: `neutral ${pct(o.metrics.sentiment.neutral)}`, value: o.metrics.sentiment.neutral ?? 0, color: '#9ca3af' }, { label: `negative ${pct(o.metrics.sentiment.negative)}`, value: o.metrics.sentiment.negative ?? 0, color: '#dc2626' }] }) : '<p class="muted">No sentiment scores in this period.</p>'],
  ] // biome-ignore format: chart list
  return `<div class="charts">${figs.map(([title, svg]) => `<figure><figcaption>${esc(title)}</figcaption>${svg}</figure>`).join('')}</div>`
}

/** The report as one self-contained HTML page: inline CSS and SVG, no script, nothing fetched. */
export function reportHtml(r: Report): string {
  const recs = r.recommendations.length
    ? `<ul>${r.recommendations.map((x) => `<li><b>${esc(x.title)}</b> <span class="muted">(${x.priority})</span>: ${esc(x.evidence)}. ${esc(x.action)}</li>`).join('')}</ul>`
    : '<p>Nothing stands out: every figure is within its limit.</p>'
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(r.title)}</title><style>${STYLE}</style></head><body>
<h1>${esc(r.title)}</h1><p class="muted">${esc(date(r.window.from))} → ${esc(date(r.window.to))} UTC · generated ${esc(date(r.generatedAt))} UTC · changes against the previous ${r.days} day${r.days === 1 ? '' : 's'}; * marks a significant change (α = 0.05)</p>
<h2>Summary</h2><div class="kpis">${kpiCards(r)}</div>
<h2>Recommendations</h2>${recs}
<h2>Charts</h2>${charts(r)}
${detailSections(r)}
<p class="muted">Percentiles are within ${r.overview.percentiles.relativeError * 100} % of the exact value (${esc(r.overview.percentiles.method)}). Anomalies: ${esc(r.overview.anomalyMethod)}.</p>
</body></html>
`
}
