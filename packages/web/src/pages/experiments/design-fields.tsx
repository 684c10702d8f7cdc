import { BUILTIN_METRICS } from '../../../../server/src/experiments/metrics.js'
import { Field } from '../../components/field.js'
import type { FieldErrors } from '../../lib/field-errors.js'
import type { ExperimentForm as Form } from './experiment-form-state.js'

/** Metrics people usually decide on; any `score:<name>:<source>` can be typed. */
const METRIC_SUGGESTIONS = [
  ...BUILTIN_METRICS.map((m) => [m.id, m.label] as const),
  ...['quality', 'relevance', 'sentiment', 'coherence'].map(
    (s) => [`score:${s}:heuristic`, `${s} (heuristic)`] as const,
  ),
  ...['overall', 'helpfulness', 'correctness'].map(
    (s) => [`score:judge_${s}:judge`, `judge ${s} (LLM judge)`] as const,
  ),
]

/** What the experiment is and how it decides: key, name, hypothesis, unit, control, primary metric, guardrails. */
export function DesignFields({
  form,
  errors,
  set,
}: {
  form: Form
  errors: FieldErrors
  set(patch: Partial<Form>): void
}) {
  const text = (
    key: 'key' | 'name' | 'hypothesis' | 'primaryMetric' | 'guardrails',
    field: string,
    placeholder = '',
  ) => (
    <input
      class="input"
      name={field}
      value={form[key]}
      placeholder={placeholder}
      autoComplete="off"
      list={key === 'primaryMetric' ? 'experiment-metrics' : undefined}
      aria-invalid={errors[field] ? true : undefined}
      onInput={(e) => set({ [key]: e.currentTarget.value })}
    />
  )
  return (
    <>
      <div class="form-grid">
        <Field name="key" label="Key" error={errors.key} hint="what traces and the SDK call it">
          {text('key', 'key', 'shorter-answers')}
        </Field>
        <Field name="name" label="Name" error={errors.name}>
          {text('name', 'name', 'Shorter answers')}
        </Field>
        <Field name="hypothesis" label="Hypothesis" error={errors.hypothesis} wide>
          {text('hypothesis', 'hypothesis', 'What you expect to change, and why')}
        </Field>
        <Field name="unit" label="Randomise by" error={errors.unit} hint="a user keeps their variant">
          <select
            class="input"
            name="unit"
            value={form.unit}
            onChange={(e) => set({ unit: e.currentTarget.value as Form['unit'] })}
          >
            <option value="user">user</option>
            <option value="session">conversation (session)</option>
          </select>
        </Field>
        <Field name="control" label="Control" error={errors.control} hint="the others are compared with it">
          <select
            class="input"
            name="control"
            value={form.control}
            onChange={(e) => set({ control: e.currentTarget.value })}
          >
            {form.variants.map((v) => (
              <option key={v.key} value={v.key}>
                {v.key || '(no key)'}
              </option>
            ))}
          </select>
        </Field>
        <Field
          name="primaryMetric"
          label="Primary metric"
          error={errors.primaryMetric}
          hint="the metric that decides"
        >
          {text('primaryMetric', 'primaryMetric')}
        </Field>
        <Field
          name="guardrails"
          label="Guardrails"
          error={errors.guardrails}
          hint="must not get worse; comma separated"
        >
          {text('guardrails', 'guardrails', 'error_rate, score:quality:heuristic')}
        </Field>
      </div>
      <datalist id="experiment-metrics">
        {METRIC_SUGGESTIONS.map(([id, label]) => (
          <option key={id} value={id}>
            {label}
          </option>
        ))}
      </datalist>
    </>
  )
}
