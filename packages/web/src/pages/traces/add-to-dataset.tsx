import { useState } from 'preact/hooks'
import { apiSend } from '../../lib/api.js'
import type { ItemChange, StoredDataset } from '../../lib/api-types.js'
import { Link } from '../../lib/router.js'
import { refusal } from '../../lib/use-action.js'
import { useApi } from '../../lib/use-api.js'
import { changeText } from '../datasets/add-items.js'

const NEW = ''

/**
 * The bar of the traces page's selection mode: the selected turns become items of a dataset
 * (an existing one, or a new one by name), as `POST /datasets/:name/from-traces` makes them.
 */
export function AddToDataset({
  selected,
  onDone,
  onCancel,
}: {
  selected: string[]
  onDone(): void
  onCancel(): void
}) {
  const datasets = useApi<{ data: StoredDataset[] }>('/api/v1/datasets')
  const list = datasets.data?.data ?? []
  const [target, setTarget] = useState<string | null>(null)
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<{ text: string; dataset?: string; error: boolean } | null>(null)
  const chosen = target ?? list[0]?.name ?? NEW

  const add = async () => {
    const dataset = chosen === NEW ? name.trim() : chosen
    if (!dataset) return setResult({ text: 'Name the new dataset.', error: true })
    setBusy(true)
    setResult(null)
    try {
      if (chosen === NEW) await apiSend<StoredDataset>('POST', '/api/v1/datasets', { name: dataset })
      const change = await apiSend<ItemChange>(
        'POST',
        `/api/v1/datasets/${encodeURIComponent(dataset)}/from-traces`,
        {
          traceIds: selected,
          limit: selected.length,
        },
      )
      setResult({ text: changeText(change), dataset, error: false })
      setTarget(dataset)
      setName('')
      datasets.reload()
      onDone()
    } catch (err) {
      setResult({ text: refusal(err, 'change datasets'), error: true })
    } finally {
      setBusy(false)
    }
  }

  return (
    <section class="select-bar" aria-label="Add to dataset">
      <span class="strong">{selected.length} selected</span>
      <span class="muted">Click rows to select turns, then add them to</span>
      <select
        class="input input--small"
        name="dataset"
        aria-label="Dataset"
        value={chosen}
        onChange={(e) => setTarget(e.currentTarget.value)}
      >
        {list.map((d) => (
          <option key={d.id} value={d.name}>
            {d.name} ({d.itemCount} items)
          </option>
        ))}
        <option value={NEW}>a new dataset…</option>
      </select>
      {chosen === NEW && (
        <input
          class="input input--small"
          name="datasetName"
          aria-label="New dataset name"
          placeholder="dataset name"
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
      )}
      <button
        type="button"
        class="button button--small button--primary"
        disabled={busy || selected.length === 0}
        onClick={add}
      >
        {busy ? 'Adding…' : 'Add to dataset'}
      </button>
      <button type="button" class="button button--small" onClick={onCancel}>
        Done
      </button>
      {result && (
        <span class={result.error ? 'text-error' : 'muted'} role={result.error ? 'alert' : 'status'}>
          {result.text}{' '}
          {result.dataset && (
            <Link href={`/datasets/${encodeURIComponent(result.dataset)}`}>Open {result.dataset}</Link>
          )}
        </span>
      )}
    </section>
  )
}
