import { Field } from '../../components/field.js'
import type { FieldErrors } from '../../lib/field-errors.js'
import type { ExperimentForm as Form } from './experiment-form-state.js'

/** How the results are read: the smallest change that matters, α, the correction, always-valid or not. */
export function SettingsFields({
  form,
  errors,
  set,
}: {
  form: Form
  errors: FieldErrors
  set(patch: Partial<Form>): void
}) {
  const text = (key: 'minimumEffect' | 'alpha', field: string) => (
    <input
      class="input"
      name={field}
      value={form[key]}
      autoComplete="off"
      aria-invalid={errors[field] ? true : undefined}
      onInput={(e) => set({ [key]: e.currentTarget.value })}
    />
  )
  return (
    <div class="form-grid">
      <Field
        name="settings.minimumEffect"
        label="Minimum effect (%)"
        error={errors['settings.minimumEffect']}
        hint="smallest change of the primary metric that matters"
      >
        {text('minimumEffect', 'settings.minimumEffect')}
      </Field>
      <Field name="settings.alpha" label="Significance level α" error={errors['settings.alpha']}>
        {text('alpha', 'settings.alpha')}
      </Field>
      <Field name="settings.correction" label="Correction across metrics">
        <select
          class="input"
          name="settings.correction"
          value={form.correction}
          onChange={(e) => set({ correction: e.currentTarget.value as Form['correction'] })}
        >
          <option value="holm">Holm</option>
          <option value="bh">Benjamini–Hochberg</option>
          <option value="none">none</option>
        </select>
      </Field>
      <Field name="settings.sequential" label="Statistics" group>
        <label class="checkbox">
          <input
            type="checkbox"
            name="settings.sequential"
            checked={form.sequential}
            onChange={(e) => set({ sequential: e.currentTarget.checked })}
          />
          always-valid (read the results as often as you like)
        </label>
      </Field>
    </div>
  )
}
