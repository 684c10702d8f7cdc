import { useState } from 'preact/hooks'
import { Field } from '../../components/field.js'
import { apiSend } from '../../lib/api.js'
import type { ItemChange, StoredDataset } from '../../lib/api-types.js'
import { apiFieldErrors, type FieldErrors } from '../../lib/field-errors.js'
import { FileField, type PickedFile } from './file-field.js'

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/

/** A new dataset, filled from a file when one is given. */
export function DatasetForm({ onSaved, onCancel }: { onSaved(d: StoredDataset): void; onCancel(): void }) {
  const [name, setName] = useState('')
  const [description, setDescription] = useState('')
  const [file, setFile] = useState<PickedFile | null>(null)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)
  // A dataset created before its file was refused: a second try only imports.
  const [created, setCreated] = useState<StoredDataset | null>(null)

  const submit = async (e: Event) => {
    e.preventDefault()
    if (!NAME.test(name.trim()))
      return setErrors({ name: 'Letters, digits, ".", "_" and "-", starting with a letter or digit.' })
    setErrors({})
    setBusy(true)
    let d = created
    try {
      d ??= await apiSend<StoredDataset>('POST', '/api/v1/datasets', {
        name: name.trim(),
        ...(description.trim() && { description: description.trim() }),
      })
      setCreated(d)
      if (file)
        await apiSend<ItemChange>('POST', `/api/v1/datasets/${encodeURIComponent(d.name)}/import`, {
          format: file.format,
          content: file.content,
          note: `imported ${file.name}`,
        })
      onSaved(d)
    } catch (err) {
      const errs = apiFieldErrors(err, (f) => f, 'create datasets')
      if (d && errs.content)
        errs.content = `${errs.content} (dataset ${d.name} was created empty; fix the file and try again)`
      setErrors(errs)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form class="panel dataset-form" onSubmit={submit} noValidate aria-label="New dataset">
      <h2>New dataset</h2>
      {errors[''] && (
        <div class="banner banner--error" role="alert">
          {errors['']}
        </div>
      )}
      <div class="form-grid">
        <Field name="name" label="Name" error={errors.name} hint="used by chatlens eval --dataset">
          <input
            class="input"
            name="name"
            value={name}
            placeholder="support-faq"
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </Field>
        <Field name="description" label="Description" error={errors.description}>
          <input
            class="input"
            name="description"
            value={description}
            onInput={(e) => setDescription(e.currentTarget.value)}
          />
        </Field>
        <FileField file={file} error={errors.content} onPick={setFile} />
      </div>
      <div class="form-actions">
        <button type="button" class="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create dataset'}
        </button>
      </div>
    </form>
  )
}
