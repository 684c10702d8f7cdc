import { Segmented } from '../../components/segmented.js'
import type { AlertEvent, AlertRule } from '../../lib/api-types.js'
import { setParams, useLocation } from '../../lib/router.js'
import { usePaged } from '../../lib/use-api.js'
import { useGlobal } from '../../lib/use-window.js'
import { EventList } from './event-list.js'

const EVENTS_PAGE_SIZE = 50
type Kind = '' | 'firing' | 'resolved'
const KINDS = [
  { id: '', label: 'All' },
  { id: 'firing', label: 'Firing' },
  { id: 'resolved', label: 'Resolved' },
] as const

/** Firing and resolved events of the time range, by kind and rule (both in the address). */
export function AlertHistory({ rules, refresh }: { rules: AlertRule[]; refresh: number }) {
  const { params } = useLocation()
  const g = useGlobal()
  const kind = (params.get('kind') ?? '') as Kind
  const ruleId = params.get('ruleId') ?? ''
  const events = usePaged<AlertEvent>(
    '/api/v1/alerts/events',
    { ...g.window, kind, ruleId },
    EVENTS_PAGE_SIZE,
    refresh,
  )
  return (
    <section class="panel alerts__section" aria-label="History">
      <div class="chart-panel__head">
        <h2>History</h2>
        <Segmented<Kind>
          small
          label="Events"
          items={KINDS}
          value={kind}
          onSelect={(k) => setParams({ kind: k })}
        />
        {rules.length > 0 && (
          <select
            class="input input--small"
            name="ruleId"
            aria-label="Rule"
            value={ruleId}
            onChange={(e) => setParams({ ruleId: e.currentTarget.value })}
          >
            <option value="">every rule</option>
            {rules.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        )}
        <span class="chart-panel__note">in the selected time range, newest first</span>
      </div>
      <EventList list={events} />
    </section>
  )
}
