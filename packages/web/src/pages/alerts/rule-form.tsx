import { useState } from 'preact/hooks'
import { ApiError, apiSend } from '../../lib/api.js'
import type { AlertRule } from '../../lib/api-types.js'
import { ConditionFields } from './condition-fields.js'
import { describedBy, Field, Select, TextInput } from './form-field.js'
import { RuleFilters } from './rule-filters.js'
import {
  type FieldErrors,
  type RuleForm as Form,
  RULE_FILTERS,
  serverFieldError,
  toBody,
} from './rule-form-state.js'
import { formatWindow } from './rule-model.js'

const SEVERITIES = ['low', 'medium', 'high', 'critical'].map((s) => [s, s] as const)
const FORM_FIELDS = new Set([
  'name', 'description', 'scope', 'metric', 'aggregation', 'comparator', 'threshold', 'windowMinutes',
  'severity', 'minSample', 'cooldownMinutes', ...RULE_FILTERS.map((k) => `filters.${k}`),
]) // biome-ignore format: a list of names

function apiErrors(err: unknown): FieldErrors {
  if (!(err instanceof ApiError)) return { '': (err as Error).message }
  if (err.status === 403) return { '': 'This key cannot change alert rules: it needs the admin scope.' }
  if (err.field && FORM_FIELDS.has(err.field)) return serverFieldError(err.field, err.message)
  return { '': err.message }
}

const windowHint = (minutes: string) => {
  const n = Number(minutes)
  return Number.isInteger(n) && n > 0 ? `the last ${formatWindow(n * 60_000)} at each check` : undefined
}

/** Creates a rule, or edits one (`editing`); checks it here first, then shows the server's verdict by field. */
export function RuleForm({
  initial,
  editing,
  onSaved,
  onCancel,
}: {
  initial: Form
  editing: AlertRule | null
  onSaved(rule: AlertRule): void
  onCancel(): void
}) {
  const [f, setF] = useState(initial)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)
  const set = (patch: Partial<Form>) => setF((prev) => ({ ...prev, ...patch }))

  const submit = async (e: Event) => {
    e.preventDefault()
    const checked = toBody(f)
    if (checked.errors) return setErrors(checked.errors)
    setErrors({})
    setBusy(true)
    try {
      const path = editing ? `/api/v1/alerts/rules/${encodeURIComponent(editing.id)}` : '/api/v1/alerts/rules'
      onSaved(await apiSend<AlertRule>(editing ? 'PUT' : 'POST', path, checked.body))
    } catch (err) {
      setErrors(apiErrors(err))
    } finally {
      setBusy(false)
    }
  }

  /** A text field bound to the form. */
  const text = (name: 'name' | 'windowMinutes' | 'minSample' | 'cooldownMinutes', hint: boolean) => (
    <TextInput
      name={name}
      value={f[name]}
      error={errors[name]}
      hint={hint}
      inputMode={name === 'name' ? undefined : 'numeric'}
      onInput={(v) => set({ [name]: v })}
    />
  )

  return (
    <form
      class="panel rule-form"
      onSubmit={submit}
      noValidate
      aria-label={editing ? 'Edit rule' : 'New rule'}
    >
      <div class="rule-form__head">
        <h2>{editing ? `Edit “${editing.name}”` : 'New alert rule'}</h2>
      </div>
      {errors[''] && (
        <div class="banner banner--error" role="alert">
          {errors['']}
        </div>
      )}
      <div class="rule-form__grid">
        <Field name="name" label="Name" error={errors.name} wide>
          {text('name', false)}
        </Field>
        <Field name="severity" label="Severity" error={errors.severity}>
          <Select
            name="severity"
            value={f.severity}
            options={SEVERITIES}
            error={errors.severity}
            onChange={(v) => set({ severity: v as Form['severity'] })}
          />
        </Field>
        <ConditionFields f={f} errors={errors} set={set} />
        <Field
          name="windowMinutes"
          label="Window (minutes)"
          error={errors.windowMinutes}
          hint={windowHint(f.windowMinutes)}
        >
          {text('windowMinutes', true)}
        </Field>
        <Field
          name="minSample"
          label={f.scope === 'interaction' ? 'Fires after (interactions)' : 'Judge from (observations)'}
          error={errors.minSample}
          hint={f.scope === 'interaction' ? 'how many must break it' : 'fewer: not judged'}
        >
          {text('minSample', true)}
        </Field>
        <Field
          name="cooldownMinutes"
          label="Cool-down (minutes)"
          error={errors.cooldownMinutes}
          hint="least time between notifications"
        >
          {text('cooldownMinutes', true)}
        </Field>
        <RuleFilters f={f} errors={errors} onChange={(filters) => set({ filters })} />
        <Field name="description" label="Description" error={errors.description} wide>
          <textarea
            class="input"
            {...describedBy('description', errors.description, false)}
            name="description"
            rows={2}
            maxLength={2000}
            value={f.description}
            onInput={(e) => set({ description: e.currentTarget.value })}
          />
        </Field>
      </div>
      <div class="rule-form__actions">
        <label class="checkbox">
          <input
            type="checkbox"
            name="enabled"
            checked={f.enabled}
            onChange={(e) => set({ enabled: e.currentTarget.checked })}
          />
          Enabled
        </label>
        <button type="button" class="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? 'Saving…' : editing ? 'Save rule' : 'Create rule'}
        </button>
      </div>
    </form>
  )
}
