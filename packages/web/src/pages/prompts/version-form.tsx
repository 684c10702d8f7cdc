import { useState } from 'preact/hooks'
import { Field } from '../../components/field.js'
import { apiSend } from '../../lib/api.js'
import type { PromptVersionView, StoredPrompt } from '../../lib/api-types.js'
import { apiFieldErrors, type FieldErrors } from '../../lib/field-errors.js'
import { LabelsField } from './labels-field.js'
import { MessagesEditor } from './messages-editor.js'
import { type VersionForm as Form, toVersionBody } from './version-form-state.js'

type Saved = PromptVersionView & { created: boolean }

/** The server's field for a version body, as this form shows it ("labels.2" is the labels field). */
const place = (field: string) =>
  /^(labels)\.\d+$/.test(field) ? 'labels' : /^(parameters)\./.test(field) ? 'parameters' : field

/** A new version of `prompt` (or a new prompt when it is null), checked here and then by the server. */
export function VersionForm({
  prompt,
  initial,
  base,
  onSaved,
  onCancel,
}: {
  prompt: StoredPrompt | null
  initial: Form
  /** The version the form started from, to say so. */
  base?: number
  onSaved(v: Saved): void
  onCancel(): void
}) {
  const [f, setF] = useState(initial)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)
  const set = (patch: Partial<Form>) => setF((prev) => ({ ...prev, ...patch }))

  const submit = async (e: Event) => {
    e.preventDefault()
    const checked = toVersionBody(f, { withName: prompt === null })
    if (checked.errors) return setErrors(checked.errors)
    setErrors({})
    setBusy(true)
    try {
      const path = prompt ? `/api/v1/prompts/${encodeURIComponent(prompt.name)}/versions` : '/api/v1/prompts'
      onSaved(await apiSend<Saved>('POST', path, checked.body))
    } catch (err) {
      setErrors(apiFieldErrors(err, place, 'write prompts'))
    } finally {
      setBusy(false)
    }
  }

  const text = (name: 'model' | 'temperature' | 'maxTokens' | 'commitMessage', placeholder: string) => (
    <input
      class="input"
      name={name}
      value={f[name]}
      placeholder={placeholder}
      autoComplete="off"
      aria-invalid={errors[name] ? true : undefined}
      onInput={(e) => set({ [name]: e.currentTarget.value })}
    />
  )

  return (
    <form class="panel version-form" onSubmit={submit} noValidate aria-label="New version">
      <h2>
        {prompt ? `New version of ${prompt.name}` : 'New prompt'}
        {base !== undefined && <span class="muted small"> · starting from v{base}</span>}
      </h2>
      {errors[''] && (
        <div class="banner banner--error" role="alert">
          {errors['']}
        </div>
      )}
      {!prompt && (
        <div class="version-form__row">
          <Field name="name" label="Name" error={errors.name} hint="letters, digits, . _ -">
            <input
              class="input"
              name="name"
              value={f.name}
              placeholder="support-system"
              aria-invalid={errors.name ? true : undefined}
              onInput={(e) => set({ name: e.currentTarget.value })}
            />
          </Field>
          <Field name="description" label="Description" wide>
            <input
              class="input"
              name="description"
              value={f.description}
              onInput={(e) => set({ description: e.currentTarget.value })}
            />
          </Field>
        </div>
      )}
      <MessagesEditor messages={f.messages} errors={errors} onChange={(messages) => set({ messages })} />
      <div class="version-form__row">
        <Field name="model" label="Model" error={errors.model} hint="empty: the chatbot's default">
          {text('model', 'gpt-4o-mini')}
        </Field>
        <Field name="temperature" label="Temperature" error={errors.temperature} hint="0 to 2">
          {text('temperature', '0.2')}
        </Field>
        <Field name="maxTokens" label="Max tokens" error={errors.maxTokens}>
          {text('maxTokens', '400')}
        </Field>
        <Field name="parameters" label="Other parameters (JSON)" error={errors.parameters}>
          <textarea
            class="input mono"
            name="parameters"
            rows={1}
            value={f.parameters}
            placeholder='{"top_p": 0.9}'
            onInput={(e) => set({ parameters: e.currentTarget.value })}
          />
        </Field>
      </div>
      <div class="version-form__row">
        <Field name="commitMessage" label="Commit message" error={errors.commitMessage} wide>
          {text('commitMessage', 'What changed, and why')}
        </Field>
        <LabelsField labels={f.labels} error={errors.labels} onChange={(labels) => set({ labels })} />
      </div>
      <div class="form-actions">
        <button type="button" class="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? 'Saving…' : prompt ? 'Create version' : 'Create prompt'}
        </button>
      </div>
    </form>
  )
}
