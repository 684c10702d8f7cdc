import { Badge, ErrorBanner, Loading } from '../../components/misc.js'
import type { Query } from '../../lib/api.js'
import type { ReviewQueue as Queue, ReviewItem } from '../../lib/api-types.js'
import { formatDateTime, formatInt, formatScore, formatTime } from '../../lib/format.js'
import { Link } from '../../lib/router.js'
import { useApi } from '../../lib/use-api.js'
import { ResolvedBadge, Satisfaction } from './conversation-columns.js'

/** How many of the most urgent conversations are listed. */
export const REVIEW_LIMIT = 200

const REASON_TEXT: Record<string, string> = {
  toxic: 'Toxic answer',
  unresolved: 'Unresolved',
  low_quality: 'Low quality',
  low_satisfaction: 'Unhappy user',
  negative_sentiment: 'Negative',
  errors: 'Failed turn',
  low_relevance: 'Off the point',
}

function Reasons({ item, reasons }: { item: ReviewItem; reasons: Queue['reasons'] }) {
  return (
    <span class="reasons">
      {item.reasons.map((r) => (
        <Badge
          key={r}
          tone={reasons[r].weight >= 3 ? 'error' : 'warn'}
          title={`${reasons[r].label} (weight ${reasons[r].weight})`}
        >
          {REASON_TEXT[r] ?? r}
        </Badge>
      ))}
    </span>
  )
}

/** Conversations that need a human look, most urgent first (the API's weights). */
export function ReviewQueue({ query, refresh, carry }: { query: Query; refresh: number; carry: string }) {
  const { data, error } = useApi<Queue>(
    '/api/v1/analytics/conversations/review',
    { ...query, limit: REVIEW_LIMIT },
    refresh,
  )
  if (error) return <ErrorBanner error={error} />
  if (!data) return <Loading />
  if (data.items.length === 0)
    return (
      <div class="empty">
        <h2>Nothing to review</h2>
        <p>
          No conversation in this range had a toxic or failed answer, low quality, an unhappy user or was left
          unresolved.
        </p>
      </div>
    )
  return (
    <div class="panel review">
      <p class="muted review__intro" data-total={data.total}>
        {formatInt(data.total)} conversations need a look
        {data.total > data.items.length ? `; the ${formatInt(data.items.length)} most urgent are listed` : ''}
        . Urgency adds up the weights of the reasons (hover a reason for its rule).
      </p>
      <table class="table review__table">
        <thead>
          <tr>
            <th class="num">Urgency</th>
            <th>Started</th>
            <th>Conversation</th>
            <th>User</th>
            <th>Why</th>
            <th class="num">Turns</th>
            <th class="num">Quality</th>
            <th>Satisfaction</th>
            <th>Resolution</th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((it) => (
            <tr key={it.sessionId} data-session-id={it.sessionId}>
              <td class="num strong">{it.priority}</td>
              <td title={formatDateTime(it.startedAt)}>{formatTime(it.startedAt)}</td>
              <td class="mono truncate review__id">
                <Link href={`/conversations/${encodeURIComponent(it.sessionId)}${carry}`}>
                  {it.sessionId}
                </Link>
              </td>
              <td class="truncate">{it.userId ?? '–'}</td>
              <td>
                <Reasons item={it} reasons={data.reasons} />
              </td>
              <td class="num">{formatInt(it.turns)}</td>
              <td class="num">{formatScore(it.qualityMean)}</td>
              <td>
                <Satisfaction value={it.satisfaction} />
              </td>
              <td>
                <ResolvedBadge resolved={it.resolved} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
