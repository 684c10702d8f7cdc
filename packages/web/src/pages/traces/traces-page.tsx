import { useEffect, useMemo, useState } from 'preact/hooks'
import { GettingStarted, NoMatch } from '../../components/empty-state.js'
import { ErrorBanner, Loading } from '../../components/misc.js'
import { VirtualTable } from '../../components/virtual-table.js'
import type { Page, Trace } from '../../lib/api-types.js'
import { formatInt } from '../../lib/format.js'
import { Link, useLocation } from '../../lib/router.js'
import { rememberValues } from '../../lib/suggestions.js'
import { useApi, usePaged } from '../../lib/use-api.js'
import { useGlobal } from '../../lib/use-window.js'
import { AddToDataset } from './add-to-dataset.js'
import { matches, SELECT_COLUMN, TRACE_COLUMNS, type TraceRow, toRow } from './trace-columns.js'
import { readTraceFilters, TraceFilters } from './trace-filters.js'

const PAGE_SIZE = 200

export const TRACES_GLOBAL_FILTERS = ['bot', 'version', 'model', 'environment', 'tag'] as const

export function TracesPage() {
  const { params, search } = useLocation()
  const g = useGlobal()
  const local = readTraceFilters(params)
  const q = params.get('q') ?? ''
  const query = { ...g.filters, ...g.window, ...local }
  const list = usePaged<Trace>('/api/v1/traces', query, PAGE_SIZE, g.tick)
  const rows = useMemo(() => list.rows.map(toRow), [list.rows])
  const shown = useMemo(() => (q ? rows.filter((r) => matches(r, q)) : rows), [rows, q])
  // Selection mode: clicks pick turns for a dataset instead of opening them.
  const [selection, setSelection] = useState<Set<string> | null>(null)
  const columns = useMemo(
    () => (selection ? [SELECT_COLUMN(selection), ...TRACE_COLUMNS] : TRACE_COLUMNS),
    [selection],
  )

  useEffect(() => {
    rememberValues({
      bot: rows.map((r) => r.bot),
      version: rows.map((r) => r.version),
      model: rows.map((r) => r.model),
      environment: rows.map((r) => r.environment),
      tag: rows.flatMap((r) => r.tags),
    })
  }, [rows])

  const settled = !list.loading && !list.error
  const empty = settled && rows.length === 0
  const anyAtAll = useApi<Page<Trace>>(empty ? '/api/v1/traces' : null, { limit: 1 })

  return (
    <div class="page page--fill">
      <div class="page__head">
        <h1>Traces</h1>
        <span class="page__count" aria-live="polite">
          {list.loading && rows.length === 0
            ? 'loading…'
            : q
              ? `${formatInt(shown.length)} of ${formatInt(rows.length)} loaded match`
              : `${formatInt(rows.length)}${list.hasMore ? '+' : ''} traces`}
        </span>
        <TraceFilters local={local} q={q} />
        {!selection && (
          <button
            type="button"
            class="button"
            title="Pick turns to add to a dataset"
            onClick={() => setSelection(new Set())}
          >
            Select…
          </button>
        )}
      </div>
      {selection && (
        <AddToDataset
          selected={[...selection]}
          onDone={() => setSelection(new Set())}
          onCancel={() => setSelection(null)}
        />
      )}
      {list.error && <ErrorBanner error={list.error} />}
      {empty ? (
        anyAtAll.data === null ? (
          <Loading />
        ) : anyAtAll.data.data.length === 0 ? (
          <GettingStarted what="traces" />
        ) : (
          <NoMatch what="traces" />
        )
      ) : (
        <VirtualTable<TraceRow>
          label="Traces"
          rows={shown}
          columns={columns}
          rowKey={(t) => t.id}
          onRowClick={
            selection
              ? (t) => {
                  const next = new Set(selection)
                  if (!next.delete(t.id)) next.add(t.id)
                  setSelection(next)
                  return true
                }
              : undefined
          }
          rowHref={(t) => `/traces/${encodeURIComponent(t.id)}${search}`}
          rowClass={(t) =>
            [t.status === 'error' && 'is-error', selection?.has(t.id) && 'is-selected']
              .filter(Boolean)
              .join(' ') || undefined
          }
          // A search filters loaded rows; scrolling it must not page through the whole store.
          onEndReached={list.hasMore && !q ? list.loadMore : undefined}
          footer={
            list.loading ? (
              <Loading label={rows.length ? 'Loading more…' : 'Loading traces…'} />
            ) : list.hasMore ? (
              <button type="button" class="button" onClick={list.loadMore}>
                Load more
              </button>
            ) : rows.length > 0 ? (
              <span class="muted">
                All {formatInt(rows.length)} traces in this range loaded
                {q && shown.length === 0 && ' · none match the search'}
              </span>
            ) : null
          }
        />
      )}
      {q && !rows.some((r) => r.id === q) && (
        <p class="page__hint">
          Search looks through the traces loaded here. Have an id?{' '}
          <Link href={`/traces/${encodeURIComponent(q)}${search}`}>Open trace “{q}”</Link>
        </p>
      )}
    </div>
  )
}
