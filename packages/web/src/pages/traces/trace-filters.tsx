import { FilterInput } from '../../components/filter-input.js'
import { Icon } from '../../components/icons.js'
import { setParams } from '../../lib/router.js'

/** Filters of the traces page only (the global ones are in the top bar); names are the API's. */
export const TRACE_FILTERS = ['status', 'userId', 'sessionId', 'minLatencyMs', 'maxLatencyMs'] as const
export type TraceFilterValues = Record<(typeof TRACE_FILTERS)[number], string>

export function readTraceFilters(params: URLSearchParams): TraceFilterValues {
  return Object.fromEntries(TRACE_FILTERS.map((k) => [k, params.get(k) ?? ''])) as TraceFilterValues
}

/** Search, status, user, conversation and latency range; every change goes to the address. */
export function TraceFilters({ local, q }: { local: TraceFilterValues; q: string }) {
  const filtered = TRACE_FILTERS.some((k) => local[k]) || q
  return (
    <div class="page__filters">
      <label class="search">
        <Icon name="search" size={14} />
        <input
          type="search"
          name="q"
          placeholder="Search loaded traces"
          value={q}
          onInput={(e) => setParams({ q: e.currentTarget.value }, { replace: true })}
        />
      </label>
      <label class="filter">
        <span class="filter__label">Status</span>
        <select
          class="filter__input"
          name="status"
          value={local.status}
          onChange={(e) => setParams({ status: e.currentTarget.value })}
        >
          <option value="">any</option>
          <option value="ok">OK</option>
          <option value="error">Error</option>
        </select>
      </label>
      <FilterInput
        label="User"
        name="userId"
        value={local.userId}
        width={92}
        onCommit={(v) => setParams({ userId: v })}
      />
      <FilterInput
        label="Session"
        name="sessionId"
        value={local.sessionId}
        width={92}
        onCommit={(v) => setParams({ sessionId: v })}
      />
      <FilterInput
        label="Latency ≥"
        name="minLatencyMs"
        type="number"
        placeholder="ms"
        value={local.minLatencyMs}
        width={64}
        onCommit={(v) => setParams({ minLatencyMs: v })}
      />
      <FilterInput
        label="≤"
        name="maxLatencyMs"
        type="number"
        placeholder="ms"
        value={local.maxLatencyMs}
        width={64}
        onCommit={(v) => setParams({ maxLatencyMs: v })}
      />
      {filtered && (
        <button
          type="button"
          class="link-button"
          onClick={() => setParams(Object.fromEntries([...TRACE_FILTERS, 'q'].map((k) => [k, null])))}
        >
          Clear
        </button>
      )}
    </div>
  )
}
