import { describedBy, Field } from './form-field.js'
import { type FieldErrors, RULE_FILTERS, type RuleFilter, type RuleForm } from './rule-form-state.js'

const LABELS: Record<RuleFilter, string> = {
  bot: 'Bot',
  version: 'Version',
  variant: 'Variant',
  model: 'Model',
  environment: 'Environment',
  category: 'Category',
}

/** Which traffic the rule watches; empty means all of it. */
export function RuleFilters({
  f,
  errors,
  onChange,
}: {
  f: RuleForm
  errors: FieldErrors
  onChange(filters: RuleForm['filters']): void
}) {
  return (
    <fieldset class="rule-form__filters">
      <legend>
        Only traffic of <span class="muted">(empty: all)</span>
      </legend>
      {RULE_FILTERS.filter((k) => k !== 'category' || f.scope === 'window' || f.filters.category).map((k) => {
        const name = `filters.${k}`
        return (
          <Field key={k} name={name} label={LABELS[k]} error={errors[name]}>
            <input
              class="input"
              {...describedBy(name, errors[name], false)}
              name={name}
              value={f.filters[k]}
              placeholder="any"
              onInput={(e) => onChange({ ...f.filters, [k]: e.currentTarget.value })}
            />
          </Field>
        )
      })}
    </fieldset>
  )
}
