import { ErrorBanner, Loading } from '../../components/misc.js'
import type { Query } from '../../lib/api.js'
import type { TopicsResult } from '../../lib/api-types.js'
import { formatInt, formatRate, formatScore } from '../../lib/format.js'
import { useApi } from '../../lib/use-api.js'

/** What users ask about: the API clusters the newest user messages of the range into topics. */
export function Topics({ query, refresh }: { query: Query; refresh: number }) {
  const { data, error } = useApi<TopicsResult>('/api/v1/analytics/topics', query, refresh)
  if (error) return <ErrorBanner error={error} />
  if (!data) return <Loading label="Clustering the users' messages…" />
  if (data.topics.length === 0)
    return (
      <div class="empty">
        <h2>No topics</h2>
        <p>No user messages in this range to group.</p>
      </div>
    )
  const max = Math.max(...data.topics.map((t) => t.share))
  return (
    <div class="panel topics">
      <p class="muted" title={data.method}>
        The newest {formatInt(data.sampled)} user messages of the range, grouped by the words they use.{' '}
        {data.repeatedShare !== null && (
          <span data-repeated={data.repeatedShare}>
            {formatRate(data.repeatedShare)} of them were asked word for word more than once (a response cache
            would answer those).
          </span>
        )}
      </p>
      <ol class="topics__list">
        {data.topics.map((t, i) => (
          <li key={i} class="topic" data-topic={t.label}>
            <div class="topic__head">
              <strong class="topic__label">{t.label}</strong>
              <span class="hbars__track topic__bar" aria-hidden="true">
                <span class="hbars__bar" style={{ width: `${(t.share / max) * 100}%` }} />
              </span>
              <span class="topic__share">
                {formatRate(t.share)}{' '}
                <span class="muted">
                  · {formatInt(t.size)} {t.size === 1 ? 'message' : 'messages'}
                </span>
              </span>
              <span class="topic__quality muted" title="Mean quality score of the answers">
                quality {formatScore(t.qualityMean)}
              </span>
            </div>
            {t.terms.join(' / ') !== t.label && <div class="topic__terms muted">{t.terms.join(' · ')}</div>}
            <ul class="topic__examples">
              {t.examples.map((e, j) => (
                <li key={j}>“{e}”</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </div>
  )
}
