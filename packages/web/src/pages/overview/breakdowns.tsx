import {
  SENTIMENT_NEGATIVE_BELOW,
  SENTIMENT_POSITIVE_ABOVE,
} from '../../../../server/src/analytics/thresholds.js'
import type { Metrics } from '../../lib/api-types.js'
import { formatInt, formatRate, humanize } from '../../lib/format.js'

const PARTS = [
  { key: 'positive', label: 'Positive', rule: `> ${SENTIMENT_POSITIVE_ABOVE}` },
  { key: 'neutral', label: 'Neutral', rule: `${SENTIMENT_NEGATIVE_BELOW} – ${SENTIMENT_POSITIVE_ABOVE}` },
  { key: 'negative', label: 'Negative', rule: `< ${SENTIMENT_NEGATIVE_BELOW}` },
] as const

/** Shares of positive, neutral and negative answers by the sentiment score, as one bar. */
export function SentimentSplit({ s }: { s: Metrics['sentiment'] }) {
  if (s.n === 0) return <p class="muted">No sentiment scores in this window.</p>
  return (
    <div class="split-bar" data-chart={JSON.stringify(s)}>
      <div class="split-bar__bar" role="img" aria-label="Sentiment of the answers">
        {PARTS.map((p) => (
          <span
            key={p.key}
            class={`split-bar__part split-bar__part--${p.key}`}
            style={{ width: `${(s[p.key] ?? 0) * 100}%` }}
            title={`${p.label}: ${formatRate(s[p.key])}`}
          />
        ))}
      </div>
      <ul class="split-bar__legend">
        {PARTS.map((p) => (
          <li key={p.key} data-part={p.key}>
            <span class={`dot dot--${p.key}`} aria-hidden="true" />
            <strong>{formatRate(s[p.key])}</strong> {p.label.toLowerCase()}
            <span class="muted"> (score {p.rule})</span>
          </li>
        ))}
      </ul>
      <p class="muted small">Of {formatInt(s.n)} answers with a sentiment score.</p>
    </div>
  )
}

/** Interactions per query category (the judge's `category` score). */
export function Categories({
  categories,
  interactions,
}: {
  categories: Metrics['categories']
  interactions: number
}) {
  const rows = Object.entries(categories).sort((a, b) => b[1] - a[1])
  if (rows.length === 0) return <p class="muted">No interactions in this window.</p>
  const max = Math.max(...rows.map(([, n]) => n))
  return (
    <ul class="hbars" data-chart={JSON.stringify(categories)}>
      {rows.map(([name, n]) => (
        <li key={name} class="hbars__row">
          <span class="hbars__label truncate" title={name}>
            {name === 'uncategorized' ? 'Not categorised' : humanize(name)}
          </span>
          <span class="hbars__track">
            <span class="hbars__bar" style={{ width: `${(n / max) * 100}%` }} />
          </span>
          <span class="hbars__value">
            {formatInt(n)}
            <span class="muted"> · {formatRate(interactions ? n / interactions : null)}</span>
          </span>
        </li>
      ))}
    </ul>
  )
}
