import type { Report } from './build.js'
import { change, dash, date, KPI_FORMAT, ms, num, pct, pValue, usd } from './format.js'

const table = (header: string[], rows: (string | number)[][]) =>
  [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n')
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ')

/** The report as Markdown: readable in a terminal, a pull request or a wiki. */
export function reportMarkdown(r: Report): string {
  const o = r.overview
  const m = o.metrics
  const out: string[] = []
  out.push(
    `# ${r.title}`,
    '',
    `${date(r.window.from)} → ${date(r.window.to)} UTC · generated ${date(r.generatedAt)} UTC`,
    '',
  )

  out.push('## Summary', '')
  out.push(table(['Metric', 'Value', 'Previous period', 'Change', 'Significant'], Object.entries(KPI_FORMAT).map(([k, [label, f]]) => {
    const kpi = o.kpis[k]
    return [label, f(kpi?.current ?? null), f(kpi?.previous ?? null), change(kpi), kpi?.significant == null ? dash : kpi.significant ? `yes (${kpi.test}, ${pValue(kpi.pValue)})` : 'no']
  })), '') // biome-ignore format: table

  out.push('## Recommendations', '')
  if (r.recommendations.length === 0) out.push('Nothing stands out: every figure is within its limit.', '')
  for (const rec of r.recommendations)
    out.push(`- **${rec.title}** (${rec.priority}): ${rec.evidence}. ${rec.action}`)
  out.push('')

  out.push('## Usage', '')
  out.push(
    `${num(m.interactions, 0)} interactions in ${num(m.conversations, 0)} conversations; ${num(m.evaluated, 0)} evaluated; ${num(m.tokens.total, 0)} tokens (${num(m.tokens.perInteraction, 0)} per interaction).`,
    '',
  )

  out.push('## Quality', '')
  const scores = Object.entries(m.scores).filter(([, s]) => s.n > 0)
  out.push(
    scores.length
      ? table(
          ['Score', 'Evaluations', 'Mean', 'Std', '≥ 0.8', '< 0.4'],
          scores.map(([name, s]) => [
            name,
            s.n,
            num(s.mean),
            num(s.std),
            pct(s.highShare),
            pct(s.negativeShare),
          ]),
        )
      : 'No evaluated interactions in this period.',
    '',
  )
  out.push(
    `Sentiment: ${pct(m.sentiment.positive)} positive, ${pct(m.sentiment.neutral)} neutral, ${pct(m.sentiment.negative)} negative (${m.sentiment.n} evaluated).`,
    '',
  )
  const cats = Object.entries(m.categories).sort((a, b) => b[1] - a[1])
  if (cats.length) out.push(`Query categories: ${cats.map(([k, n]) => `${k} ${n}`).join(', ')}.`, '')

  out.push('## Latency', '')
  out.push(
    `Mean ${ms(m.latencyMs.mean)}, median ${ms(m.latencyMs.median)}, p95 ${ms(m.latencyMs.p95)}, p99 ${ms(m.latencyMs.p99)} (std ${ms(m.latencyMs.std)}); time to first token ${ms(m.timeToFirstTokenMs.mean)} on average. Percentiles are within ${o.percentiles.relativeError * 100} % of the exact value.`,
    '',
  )
  out.push(
    table(
      ['Latency', 'Interactions'],
      o.latencyHistogram.map((b) => [
        b.toMs === null ? `≥ ${ms(b.fromMs)}` : `${ms(b.fromMs)} – ${ms(b.toMs)}`,
        b.count,
      ]),
    ),
    '',
  )

  out.push('## Cost', '')
  out.push(
    `${usd(m.cost.totalUsd)} in total, ${usd(m.cost.perInteractionUsd)} per interaction, ${usd(m.cost.perConversationUsd)} per conversation.`,
    '',
  )
  if (r.costByModel.length)
    out.push(
      table(
        ['Model', 'Interactions', 'Cost', 'Per interaction', 'Quality'],
        r.costByModel.map((c) => [
          c.model ?? '(none)',
          c.interactions,
          usd(c.costUsd),
          usd(c.perInteractionUsd),
          num(c.qualityMean),
        ]),
      ),
      '',
    )

  out.push('## Conversations', '')
  out.push(
    `${pct(m.conversation.resolutionRate)} resolved (of ${m.conversation.resolutionReported} reported), satisfaction ${num(m.conversation.satisfaction.mean)} (${m.conversation.satisfaction.n} rated), ${num(m.conversation.turnsMean, 1)} turns on average, ${pct(m.conversation.completionRate)} ended.`,
    '',
  )

  out.push('## Alerts', '')
  out.push(
    r.alerts.firing.length
      ? `Firing now: ${r.alerts.firing.map((a) => `**${a.name}** (${a.severity}, since ${date(a.since)})`).join('; ')}.`
      : 'No alert is firing.',
    '',
  )
  if (r.alerts.events.length)
    out.push(
      table(
        ['When (UTC)', 'Rule', 'Severity', 'Event', 'Value'],
        r.alerts.events.map((e) => [
          date(e.at),
          cell(e.ruleName),
          e.severity,
          e.kind + (e.suppressed ? ' (cool-down)' : ''),
          num(e.value, 3),
        ]),
      ),
      '',
    )

  out.push('## Trends', '')
  out.push(
    r.significantTrends.length
      ? r.significantTrends
          .map(
            (t) =>
              `- ${KPI_FORMAT[t.metric]?.[0] ?? t.metric}: ${t.direction} ${change(t)} (${t.test}, ${pValue(t.pValue)})${t.improved === null ? '' : t.improved ? ', better' : ', worse'}`,
          )
          .join('\n')
      : 'No significant change against the previous period (α = 0.05).',
    '',
  )
  if (o.anomalies.length)
    out.push(
      `Anomalies: ${o.anomalies.map((a) => `${a.metric} ${a.direction} at ${date(a.t)} (z = ${a.z})`).join('; ')}.`,
      '',
    )

  out.push('## Top topics', '')
  out.push(
    r.topics.topics.length
      ? table(
          ['Topic', 'Share', 'Quality', 'Example'],
          r.topics.topics.map((t) => [
            cell(t.label),
            pct(t.share),
            num(t.qualityMean),
            cell(t.examples[0] ?? ''),
          ]),
        )
      : 'No queries in this period.',
    '',
  )

  out.push('## Conversations to review', '')
  out.push(
    r.review.length
      ? table(
          ['Conversation', 'Started (UTC)', 'Why'],
          r.review.map((c) => [cell(c.sessionId), date(c.startedAt), c.reasons.join(', ')]),
        )
      : 'None stands out.',
    '',
  )
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`
}
