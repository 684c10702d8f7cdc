import { setParams } from '../lib/router.js'
import { useSuggestions } from '../lib/suggestions.js'
import { GLOBAL_FILTERS, type GlobalFilterKey, type GlobalState } from '../lib/url-state.js'
import { refreshNow } from '../lib/use-window.js'
import { FilterInput } from './filter-input.js'
import { Icon } from './icons.js'
import { TimeRange } from './time-range.js'

function GlobalFilter({
  k,
  label,
  value,
  applies,
}: {
  k: GlobalFilterKey
  label: string
  value: string
  applies: boolean
}) {
  const suggestions = useSuggestions(k)
  return (
    <FilterInput
      name={k}
      label={label}
      value={value}
      suggestions={suggestions}
      disabled={!applies && !value}
      title={applies ? undefined : `${label} does not apply to this page`}
      onCommit={(v) => setParams({ [k]: v })}
    />
  )
}

/** Time range, the global filters and Refresh; `applies` names the filters the page honours. */
export function TopBar({ g, applies }: { g: GlobalState; applies: readonly GlobalFilterKey[] }) {
  const ignored = GLOBAL_FILTERS.filter((f) => g.filters[f.key] && !applies.includes(f.key))
  return (
    <header class="topbar">
      <TimeRange g={g} />
      <div class="topbar__filters">
        {GLOBAL_FILTERS.map((f) => (
          <GlobalFilter
            key={f.key}
            k={f.key}
            label={f.label}
            value={g.filters[f.key] ?? ''}
            applies={applies.includes(f.key)}
          />
        ))}
      </div>
      {ignored.length > 0 && (
        <span class="topbar__note" role="note">
          {ignored.map((f) => f.label).join(', ')} not applied on this page
        </span>
      )}
      <button
        type="button"
        class="icon-button topbar__refresh"
        title="Refresh (relative ranges end now)"
        onClick={refreshNow}
      >
        <Icon name="refresh" />
        <span class="sr-only">Refresh</span>
      </button>
    </header>
  )
}
