import { setParams } from '../lib/router.js'
import { type GlobalState, RANGES, type RangeId } from '../lib/url-state.js'
import { Segmented } from './segmented.js'

/** datetime-local wants "YYYY-MM-DDTHH:mm" in local time. */
function toLocalInput(iso: string | null): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

const fromLocalInput = (v: string) => (v ? new Date(v).toISOString() : null)

/** The global time range: presets from one hour to 90 days, or a custom window. */
export function TimeRange({ g }: { g: GlobalState }) {
  const startCustom = () => {
    const to = new Date()
    const from = new Date(to.getTime() - 24 * 3_600_000)
    setParams({ range: 'custom', from: from.toISOString(), to: to.toISOString() })
  }
  return (
    <div class="timerange">
      <Segmented<RangeId>
        label="Time range"
        items={[...RANGES, { id: 'custom', label: 'Custom', title: 'A window of your choice' }]}
        value={g.range}
        onSelect={(id) =>
          id === 'custom'
            ? g.range !== 'custom' && startCustom()
            : setParams({ range: id, from: null, to: null })
        }
      />
      {g.range === 'custom' && (
        <div class="timerange__custom">
          <input
            type="datetime-local"
            aria-label="From"
            value={toLocalInput(g.from)}
            onChange={(e) => setParams({ range: 'custom', from: fromLocalInput(e.currentTarget.value) })}
          />
          <span class="muted">to</span>
          <input
            type="datetime-local"
            aria-label="To"
            value={toLocalInput(g.to)}
            onChange={(e) => setParams({ range: 'custom', to: fromLocalInput(e.currentTarget.value) })}
          />
        </div>
      )}
    </div>
  )
}
