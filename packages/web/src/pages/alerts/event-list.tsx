import { Badge, ErrorBanner, Loading, LoadMore } from '../../components/misc.js'
import type { AlertEvent } from '../../lib/api-types.js'
import { formatDateTime, formatInt, formatTime } from '../../lib/format.js'
import type { Paged } from '../../lib/use-api.js'
import { COMPARATOR_TEXT, formatThreshold, formatValue, formatWindow } from './rule-model.js'
import { SeverityBadge } from './severity.js'

function Notified({ e }: { e: AlertEvent }) {
  if (e.suppressed)
    return (
      <span class="muted" title="Within the rule's cool-down: recorded, not sent">
        quiet (cool-down)
      </span>
    )
  const failed = e.deliveries.filter((d) => !d.ok)
  const title = e.deliveries
    .map((d) => `${d.type}: ${d.ok ? 'sent' : `failed${d.error ? ` (${d.error})` : ''}`}`)
    .join('\n')
  if (e.deliveryStatus === 'failed' || failed.length)
    return (
      <Badge tone="error" title={title}>
        failed
      </Badge>
    )
  if (e.deliveryStatus === 'sent')
    return <span title={title}>sent to {e.deliveries.filter((d) => d.ok).length}</span>
  if (e.deliveryStatus === 'skipped')
    return (
      <span class="muted" title="No channel configured: the server log has it">
        log only
      </span>
    )
  return <span class="muted">{e.deliveryStatus}</span>
}

/** Firing and resolved events, newest first. */
export function EventList({ list }: { list: Paged<AlertEvent> }) {
  if (list.error) return <ErrorBanner error={list.error} />
  if (list.rows.length === 0)
    return list.loading ? <Loading /> : <p class="muted">No alert fired or resolved in this time range.</p>
  return (
    <>
      <table class="table events">
        <thead>
          <tr>
            <th>Time</th>
            <th>Event</th>
            <th>Rule</th>
            <th>Severity</th>
            <th class="num">Value</th>
            <th class="num">Sample</th>
            <th>Window</th>
            <th>Notified</th>
          </tr>
        </thead>
        <tbody>
          {list.rows.map((e) => (
            <tr key={e.id} data-event-id={e.id} data-kind={e.kind}>
              <td title={formatDateTime(e.at)}>{formatTime(e.at)}</td>
              <td>
                <Badge tone={e.kind === 'firing' ? 'error' : 'ok'}>
                  {e.kind === 'firing' ? 'Firing' : 'Resolved'}
                </Badge>
              </td>
              <td class="strong">{e.ruleName}</td>
              <td>
                <SeverityBadge severity={e.severity} />
              </td>
              <td class="num" title={`${e.metric} ${COMPARATOR_TEXT[e.comparator]} ${e.threshold}`}>
                {e.value === null ? '–' : formatValue(e.metric, e.value)}
                <span class="muted">
                  {' '}
                  {COMPARATOR_TEXT[e.comparator]} {formatThreshold(e.metric, e.threshold)}
                </span>
              </td>
              <td class="num">{e.sample === null ? '–' : formatInt(e.sample)}</td>
              <td title={`${formatDateTime(e.windowFrom)} – ${formatDateTime(e.windowTo)}`}>
                {formatWindow(e.windowTo - e.windowFrom)}
              </td>
              <td>
                <Notified e={e} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <LoadMore list={list} />
    </>
  )
}
