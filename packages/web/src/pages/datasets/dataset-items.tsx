import { ErrorBanner, Loading } from '../../components/misc.js'
import type { StoredDatasetItem } from '../../lib/api-types.js'
import { formatInt } from '../../lib/format.js'
import { Link, setParams } from '../../lib/router.js'
import { useApi } from '../../lib/use-api.js'
import { inputExtras, queryOf, textOf } from './item-text.js'

export const ITEMS_PAGE_SIZE = 50

/** A page of a version's items: query, expected output, context, checks, metadata and source trace. */
export function DatasetItems({
  dataset,
  version,
  page,
  refresh,
}: {
  dataset: string
  version: number
  page: number
  refresh: number
}) {
  const items = useApi<{ version: number; data: StoredDatasetItem[] }>(
    `/api/v1/datasets/${encodeURIComponent(dataset)}/items`,
    { version },
    refresh,
  )
  if (items.error) return <ErrorBanner error={items.error} />
  if (!items.data) return <Loading />
  const all = items.data.data
  if (all.length === 0)
    return (
      <p class="muted">Version {version} has no items. Add some from a file or from traces (Add items).</p>
    )
  const pages = Math.ceil(all.length / ITEMS_PAGE_SIZE)
  const current = Math.min(Math.max(1, page), pages)
  const shown = all.slice((current - 1) * ITEMS_PAGE_SIZE, current * ITEMS_PAGE_SIZE)
  const first = (current - 1) * ITEMS_PAGE_SIZE + 1
  return (
    <>
      <table class="table items">
        <thead>
          <tr>
            <th class="num">#</th>
            <th>Item</th>
            <th>Query</th>
            <th>Expected</th>
            <th class="num">Context</th>
            <th class="num">Checks</th>
            <th>Metadata</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((it, i) => (
            <tr key={it.id} data-item={it.id}>
              <td class="num muted">{first + i}</td>
              <td class="items__id">
                <code>{it.id}</code>
                {it.sourceTraceId && (
                  <div class="small">
                    <Link href={`/traces/${encodeURIComponent(it.sourceTraceId)}`}>from a trace</Link>
                  </div>
                )}
              </td>
              <td class="items__text">
                {queryOf(it.input)}
                {inputExtras(it.input) && <div class="muted small">{inputExtras(it.input)}</div>}
              </td>
              <td class="items__text">{textOf(it.expected) || <span class="muted">none</span>}</td>
              <td class="num">{it.context.length || '–'}</td>
              <td class="num">{it.assertions.length || '–'}</td>
              <td class="items__meta small">
                {Object.entries(it.metadata)
                  .map(([k, v]) => `${k}: ${textOf(v)}`)
                  .join(' · ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="pager">
        <span class="muted">
          Items {formatInt(first)}–{formatInt(first + shown.length - 1)} of {formatInt(all.length)}
        </span>
        {pages > 1 && (
          <>
            <button
              type="button"
              class="button button--small"
              disabled={current <= 1}
              onClick={() => setParams({ page: String(current - 1) })}
            >
              Previous
            </button>
            <span class="muted small">
              page {current} of {pages}
            </span>
            <button
              type="button"
              class="button button--small"
              disabled={current >= pages}
              onClick={() => setParams({ page: String(current + 1) })}
            >
              Next
            </button>
          </>
        )}
      </div>
    </>
  )
}
