import type { Report } from './build.js'
import { change, date, KPI_FORMAT, ms, num, pct, pValue, usd } from './format.js'
import { esc } from './svg.js'

const table = (header: string[], rows: string[][]) =>
  `<table><thead><tr>${header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`
const section = (title: string, body: string) => `<h2>${esc(title)}</h2>${body}`
const para = (text: string) => `<p>${esc(text)}</p>`

/** The tables under the charts: quality, latency, cost, conversations, alerts, trends, topics, review. */
export function detailSections(r: Report): string {
  const m = r.overview.metrics
  const scores = Object.entries(m.scores).filter(([, s]) => s.n > 0)
  return [
    section('Usage', para(`${num(m.interactions, 0)} interactions in ${num(m.conversations, 0)} conversations; ${num(m.evaluated, 0)} evaluated; ${num(m.tokens.total, 0)} tokens.`)),
    section('Quality', (scores.length
      ? table(['Score', 'Evaluations', 'Mean', 'Std', '≥ 0.8', '< 0.4'], scores.map(([name, s]) => [name, String(s.n), num(s.mean), num(s.std), pct(s.highShare), pct(s.negativeShare)]))
      : para('No evaluated interactions in this period.')) +
      para(`Categories: ${Object.entries(m.categories).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}.`)),
    section('Latency', para(`Mean ${ms(m.latencyMs.mean)}, median ${ms(m.latencyMs.median)}, p95 ${ms(m.latencyMs.p95)}, p99 ${ms(m.latencyMs.p99)}, std ${ms(m.latencyMs.std)}; time to first token ${ms(m.timeToFirstTokenMs.mean)}.`)),
    section('Cost', para(`${usd(m.cost.totalUsd)} in total, ${usd(m.cost.perInteractionUsd)} per interaction, ${usd(m.cost.perConversationUsd)} per conversation.`) +
      (r.costByModel.length ? table(['Model', 'Interactions', 'Cost', 'Per interaction', 'Quality'], r.costByModel.map((c) => [c.model ?? '(none)', String(c.interactions), usd(c.costUsd), usd(c.perInteractionUsd), num(c.qualityMean)])) : '')),
    section('Conversations', para(`${pct(m.conversation.resolutionRate)} resolved (of ${m.conversation.resolutionReported} reported), satisfaction ${num(m.conversation.satisfaction.mean)} (${m.conversation.satisfaction.n} rated), ${num(m.conversation.turnsMean, 1)} turns on average.`)),
    section('Alerts', para(r.alerts.firing.length ? `Firing now: ${r.alerts.firing.map((a) => `${a.name} (${a.severity}, since ${date(a.since)})`).join('; ')}.` : 'No alert is firing.') +
      (r.alerts.events.length ? table(['When (UTC)', 'Rule', 'Severity', 'Event', 'Value'], r.alerts.events.map((e) => [date(e.at), e.ruleName, e.severity, e.kind + (e.suppressed ? ' (cool-down)' : ''), num(e.value, 3)])) : '')),
    section('Trends', r.significantTrends.length
      ? table(['Metric', 'Direction', 'Change', 'Test', 'p'], r.significantTrends.map((t) => [KPI_FORMAT[t.metric]?.[0] ?? t.metric, String(t.direction), change(t), String(t.test), pValue(t.pValue)]))
      : para('No significant change against the previous period (α = 0.05).')),
    section('Top topics', r.topics.topics.length
      ? table(['Topic', 'Share', 'Quality', 'Examples'], r.topics.topics.map((t) => [t.label, pct(t.share), num(t.qualityMean), t.examples.join(' · ')]))
      : para('No queries in this period.')),
    section('Conversations to review', r.review.length
      ? table(['Conversation', 'Started (UTC)', 'Why'], r.review.map((c) => [c.sessionId, date(c.startedAt), c.reasons.join(', ')]))
      : para('None stands out.')),
  ].join('\n') // biome-ignore format: section list
}
