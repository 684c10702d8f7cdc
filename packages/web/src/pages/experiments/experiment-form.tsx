import { useState } from 'preact/hooks'
import { apiSend } from '../../lib/api.js'
import type { ExperimentView, PromptListItem } from '../../lib/api-types.js'
import { apiFieldErrors, type FieldErrors } from '../../lib/field-errors.js'
import { useApi } from '../../lib/use-api.js'
import { DesignFields } from './design-fields.js'
import {
  emptyExperimentForm,
  emptyVariant,
  type ExperimentForm as Form,
  placeExperimentError,
  toExperimentBody,
} from './experiment-form-state.js'
import { SettingsFields } from './settings-fields.js'
import { VariantFields } from './variant-fields.js'

/** A new experiment: variants of prompt versions and overrides, the metric that decides, statistics. */
export function ExperimentForm({
  onSaved,
  onCancel,
}: {
  onSaved(e: ExperimentView): void
  onCancel(): void
}) {
  const prompts = useApi<{ data: PromptListItem[] }>('/api/v1/prompts')
  const list = prompts.data?.data ?? []
  const [f, setF] = useState<Form | null>(null)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)
  if (!prompts.data && !prompts.error) return null
  // Starts from the first prompt of the registry: production against staging.
  const form = f ?? emptyExperimentForm(list[0]?.name ?? '')
  const set = (patch: Partial<Form>) => setF({ ...form, ...patch })

  const submit = async (e: Event) => {
    e.preventDefault()
    const checked = toExperimentBody(form)
    if (checked.errors) return setErrors(checked.errors)
    setErrors({})
    setBusy(true)
    try {
      onSaved(await apiSend<ExperimentView>('POST', '/api/v1/experiments', checked.body))
    } catch (err) {
      setErrors(apiFieldErrors(err, placeExperimentError, 'create experiments'))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form class="panel experiment-form" onSubmit={submit} noValidate aria-label="New experiment">
      <h2>New experiment</h2>
      {errors[''] && (
        <div class="banner banner--error" role="alert">
          {errors['']}
        </div>
      )}
      <DesignFields form={form} errors={errors} set={set} />
      {errors.variants && <div class="form-field__error">{errors.variants}</div>}
      {form.variants.map((v, i) => (
        <VariantFields
          key={i}
          index={i}
          v={v}
          prompts={list}
          errors={errors}
          onChange={(patch) => {
            const variants = form.variants.map((x, j) => (j === i ? { ...x, ...patch } : x))
            const control = patch.key !== undefined && form.control === v.key ? patch.key : form.control
            set({ variants, control })
          }}
          onRemove={
            form.variants.length > 2
              ? () => set({ variants: form.variants.filter((_, j) => j !== i) })
              : undefined
          }
        />
      ))}
      {form.variants.length < 10 && (
        <button
          type="button"
          class="button button--small"
          onClick={() =>
            set({ variants: [...form.variants, emptyVariant(`variant-${form.variants.length + 1}`)] })
          }
        >
          Add variant
        </button>
      )}
      <SettingsFields form={form} errors={errors} set={set} />
      <div class="form-actions">
        <label class="checkbox">
          <input
            type="checkbox"
            name="start"
            checked={form.start}
            onChange={(e) => set({ start: e.currentTarget.checked })}
          />
          Start right away
        </label>
        <button type="button" class="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create experiment'}
        </button>
      </div>
    </form>
  )
}
