import { useState } from 'preact/hooks'
import { Field } from '../../components/field.js'
import { apiSend } from '../../lib/api.js'
import type { PromptListItem, StoredRun } from '../../lib/api-types.js'
import { apiFieldErrors, type FieldErrors } from '../../lib/field-errors.js'
import { useApi } from '../../lib/use-api.js'
import { ChecksFields } from './checks-fields.js'
import { emptyRunForm, type RunForm as Form, placeRunError, toRunBody } from './run-form-state.js'

/** Starts a run of the dataset's latest version; the server answers at once and the run goes on. */
export function RunForm({
  dataset,
  onStarted,
  onCancel,
}: {
  dataset: string
  onStarted(run: StoredRun): void
  onCancel(): void
}) {
  const prompts = useApi<{ data: PromptListItem[] }>('/api/v1/prompts')
  const list = prompts.data?.data ?? []
  const [edited, setF] = useState<Form | null>(null)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)
  if (!prompts.data && !prompts.error) return null
  const f: Form = edited ?? emptyRunForm(list[0]?.name ?? '')
  const set = (patch: Partial<Form>) => setF({ ...f, ...patch })
  const prompt = list.find((p) => p.name === f.promptName)
  const toggle = (key: 'presets' | 'judges', id: string, on: boolean) =>
    set({ [key]: on ? [...f[key], id] : f[key].filter((x) => x !== id) })
  const text = (key: 'name' | 'model' | 'temperature' | 'maxTokens' | 'repeat', placeholder = '') => (
    <input
      class="input"
      name={key}
      value={f[key]}
      placeholder={placeholder}
      onInput={(e) => set({ [key]: e.currentTarget.value })}
    />
  )

  const submit = async (e: Event) => {
    e.preventDefault()
    const checked = toRunBody(f)
    if (checked.errors) return setErrors(checked.errors)
    setErrors({})
    setBusy(true)
    try {
      onStarted(
        await apiSend<StoredRun>(
          'POST',
          `/api/v1/datasets/${encodeURIComponent(dataset)}/runs`,
          checked.body,
        ),
      )
    } catch (err) {
      setErrors(apiFieldErrors(err, placeRunError, 'start runs'))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form class="panel run-form" onSubmit={submit} noValidate aria-label="New run">
      <h2>Run {dataset}</h2>
      {errors[''] && (
        <div class="banner banner--error" role="alert">
          {errors['']}
        </div>
      )}
      <div class="form-grid">
        <Field name="prompt" label="Prompt" error={errors.prompt} group wide>
          <span class="input-row">
            <select
              class="input"
              name="promptName"
              aria-label="Prompt"
              value={f.promptName}
              onChange={(e) => set({ promptName: e.currentTarget.value })}
            >
              <option value="">a system prompt written here</option>
              {list.map((p) => (
                <option key={p.name} value={p.name}>
                  {p.name}
                </option>
              ))}
            </select>
            {prompt && (
              <select
                class="input"
                name="ref"
                aria-label="Version"
                value={f.ref}
                onChange={(e) => set({ ref: e.currentTarget.value })}
              >
                {Object.entries(prompt.labels).map(([l, v]) => (
                  <option key={l} value={`l:${l}`}>{`${l} (now v${v})`}</option>
                ))}
                {Array.from({ length: prompt.latestVersion }, (_, i) => prompt.latestVersion - i).map((v) => (
                  <option key={v} value={`v:${v}`}>{`v${v}`}</option>
                ))}
              </select>
            )}
          </span>
        </Field>
        <Field name="name" label="Name" error={errors.name}>
          {text('name', 'optional')}
        </Field>
        <Field name="repeat" label="Repeat each item" error={errors.repeat} hint="1–20 times">
          {text('repeat')}
        </Field>
        {!prompt && (
          <Field name="systemPrompt" label="System prompt" error={errors.systemPrompt} wide>
            <textarea
              class="input"
              name="systemPrompt"
              rows={2}
              value={f.systemPrompt}
              onInput={(e) => set({ systemPrompt: e.currentTarget.value })}
            />
          </Field>
        )}
        <Field name="model" label="Model" error={errors.model} hint="empty: the prompt's, else the server's">
          {text('model')}
        </Field>
        <Field name="temperature" label="Temperature" error={errors.temperature}>
          {text('temperature', 'as the prompt')}
        </Field>
        <Field name="maxTokens" label="Max tokens" error={errors.maxTokens}>
          {text('maxTokens', 'as the prompt')}
        </Field>
        <ChecksFields f={f} error={errors.assertions} toggle={toggle} set={set} />
      </div>
      <div class="form-actions">
        <button type="button" class="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? 'Starting…' : 'Start run'}
        </button>
      </div>
    </form>
  )
}
