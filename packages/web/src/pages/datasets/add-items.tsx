import { useState } from 'preact/hooks'
import { Field } from '../../components/field.js'
import { apiSend } from '../../lib/api.js'
import type { ItemChange } from '../../lib/api-types.js'
import { apiFieldErrors, type FieldErrors } from '../../lib/field-errors.js'
import { FileField, type PickedFile } from './file-field.js'

/** "Version 4: 8 added, 2 replaced; 1 trace skipped (…)". */
export function changeText(c: ItemChange): string {
  if (c.version === null) return `Nothing added${c.skipped?.length ? `: ${skippedText(c)}` : ''}.`
  const skipped = c.skipped?.length ? `; ${skippedText(c)}` : ''
  return `Version ${c.version}: ${c.added} added, ${c.replaced} replaced${skipped}.`
}
const skippedText = (c: ItemChange) =>
  `${c.skipped!.length} trace${c.skipped!.length === 1 ? '' : 's'} skipped (${c
    .skipped!.slice(0, 3)
    .map((s) => `${s.traceId}: ${s.reason}`)
    .join('; ')})`

const FILTERS = ['bot', 'environment', 'tag', 'model', 'q'] as const
const FILTER_LABEL = {
  bot: 'Bot',
  environment: 'Environment',
  tag: 'Tag',
  model: 'Model',
  q: 'Text contains',
}

/** Adds items to a dataset as a new version: from a JSONL/CSV file, or from recorded traces. */
export function AddItems({ dataset, onAdded }: { dataset: string; onAdded(text: string): void }) {
  const base = `/api/v1/datasets/${encodeURIComponent(dataset)}`
  const [file, setFile] = useState<PickedFile | null>(null)
  const [filter, setFilter] = useState<Record<string, string>>({ environment: 'production' })
  const [status, setStatus] = useState('ok')
  const [limit, setLimit] = useState('50')
  const [expected, setExpected] = useState('correction')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState<string | null>(null)

  const send = async (id: string, path: string, body: unknown) => {
    setBusy(id)
    setErrors({})
    try {
      onAdded(changeText(await apiSend<ItemChange>('POST', path, body)))
    } catch (err) {
      setErrors(apiFieldErrors(err, (f) => (f.startsWith('filter.') ? f.slice(7) : f), 'change datasets'))
    } finally {
      setBusy(null)
    }
  }
  const filled = Object.fromEntries(Object.entries(filter).filter(([, v]) => v.trim()))

  return (
    <div class="add-items">
      {errors[''] && (
        <div class="banner banner--error" role="alert">
          {errors['']}
        </div>
      )}
      <form
        class="add-items__way"
        aria-label="Import a file"
        onSubmit={(e) => {
          e.preventDefault()
          if (!file) return setErrors({ content: 'Choose a JSONL or CSV file.' })
          send('file', `${base}/import`, {
            format: file.format,
            content: file.content,
            note: `imported ${file.name}`,
          })
        }}
      >
        <h3>From a file</h3>
        <p class="muted small">
          Items with an id the dataset holds replace it; the others are added. A bad line refuses the whole
          file with its line number.
        </p>
        <FileField file={file} error={errors.content} onPick={setFile} />
        <button type="submit" class="button button--primary" disabled={busy !== null}>
          {busy === 'file' ? 'Importing…' : 'Import'}
        </button>
      </form>
      <form
        class="add-items__way"
        aria-label="Add from traces"
        onSubmit={(e) => {
          e.preventDefault()
          send('traces', `${base}/from-traces`, {
            filter: { ...filled, ...(status && { status }) },
            limit: Number(limit),
            expected,
          })
        }}
      >
        <h3>From recorded traces</h3>
        <p class="muted small">
          The newest matching turns become items: the user's query, the conversation before it, and as
          expected answer the user's correction (or the answer given). To pick traces one by one, select them
          in Traces.
        </p>
        <div class="form-grid">
          {FILTERS.map((k) => (
            <Field key={k} name={k} label={FILTER_LABEL[k]} error={errors[k]}>
              <input
                class="input"
                name={k}
                value={filter[k] ?? ''}
                onInput={(e) => setFilter({ ...filter, [k]: e.currentTarget.value })}
              />
            </Field>
          ))}
          <Field name="status" label="Status">
            <select
              class="input"
              name="status"
              value={status}
              onChange={(e) => setStatus(e.currentTarget.value)}
            >
              <option value="ok">answered (OK)</option>
              <option value="error">failed</option>
              <option value="">any</option>
            </select>
          </Field>
          <Field name="limit" label="At most" error={errors.limit}>
            <input
              class="input"
              name="limit"
              inputMode="numeric"
              value={limit}
              onInput={(e) => setLimit(e.currentTarget.value)}
            />
          </Field>
          <Field name="expected" label="Expected answer" error={errors.expected}>
            <select
              class="input"
              name="expected"
              value={expected}
              onChange={(e) => setExpected(e.currentTarget.value)}
            >
              <option value="correction">the user's correction, else the answer</option>
              <option value="response">the answer given</option>
              <option value="none">none</option>
            </select>
          </Field>
        </div>
        <button type="submit" class="button button--primary" disabled={busy !== null}>
          {busy === 'traces' ? 'Adding…' : 'Add traces'}
        </button>
      </form>
    </div>
  )
}
