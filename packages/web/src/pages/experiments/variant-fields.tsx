import { Field } from '../../components/field.js'
import type { PromptListItem } from '../../lib/api-types.js'
import type { FieldErrors } from '../../lib/field-errors.js'
import type { VariantForm } from './experiment-form-state.js'

/** The versions and labels of a prompt to pin a variant to. */
function refOptions(p: PromptListItem | undefined): [string, string][] {
  if (!p) return []
  const labels = Object.entries(p.labels).map(([l, v]): [string, string] => [`l:${l}`, `${l} (now v${v})`])
  const versions = Array.from({ length: p.latestVersion }, (_, i): [string, string] => [
    `v:${p.latestVersion - i}`,
    `v${p.latestVersion - i}`,
  ])
  return [...labels, ...versions]
}

/** One variant: its key, weight, prompt version, and what it overrides. */
export function VariantFields({
  index,
  v,
  prompts,
  errors,
  onChange,
  onRemove,
}: {
  index: number
  v: VariantForm
  prompts: PromptListItem[]
  errors: FieldErrors
  onChange(patch: Partial<VariantForm>): void
  onRemove?: () => void
}) {
  const at = `variants.${index}`
  const input = (
    key: 'key' | 'name' | 'weight' | 'model' | 'temperature' | 'maxTokens',
    field: string,
    placeholder = '',
  ) => (
    <input
      class="input"
      name={field}
      value={v[key]}
      placeholder={placeholder}
      aria-invalid={errors[field] ? true : undefined}
      autoComplete="off"
      onInput={(e) => onChange({ [key]: e.currentTarget.value })}
    />
  )
  const options = refOptions(prompts.find((p) => p.name === v.promptName))
  return (
    <fieldset class="variant-fields" data-variant={index}>
      <legend>
        Variant {index + 1}
        {onRemove && (
          <button type="button" class="link-button small" onClick={onRemove}>
            remove
          </button>
        )}
      </legend>
      <Field name={`${at}.key`} label="Key" error={errors[`${at}.key`]}>
        {input('key', `${at}.key`, 'treatment')}
      </Field>
      <Field name={`${at}.name`} label="Name">
        {input('name', `${at}.name`, 'optional')}
      </Field>
      <Field name={`${at}.weight`} label="Weight" error={errors[`${at}.weight`]} hint="relative traffic">
        {input('weight', `${at}.weight`)}
      </Field>
      <Field name={`${at}.prompt`} label="Prompt" error={errors[`${at}.prompt`]} group wide>
        <span class="input-row">
          <select
            class="input"
            name={`${at}.promptName`}
            aria-label={`Prompt of variant ${index + 1}`}
            value={v.promptName}
            onChange={(e) =>
              onChange({
                promptName: e.currentTarget.value,
                prompt: e.currentTarget.value ? 'l:production' : '',
              })
            }
          >
            <option value="">no registry prompt</option>
            {prompts.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name}
              </option>
            ))}
          </select>
          {v.promptName && (
            <select
              class="input"
              name={`${at}.prompt`}
              aria-label={`Version of variant ${index + 1}`}
              value={v.prompt}
              onChange={(e) => onChange({ prompt: e.currentTarget.value })}
            >
              {options.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </span>
      </Field>
      <Field name={`${at}.overrides.model`} label="Model" error={errors[`${at}.overrides.model`]}>
        {input('model', `${at}.overrides.model`, 'as the prompt')}
      </Field>
      <Field
        name={`${at}.overrides.temperature`}
        label="Temperature"
        error={errors[`${at}.overrides.temperature`]}
      >
        {input('temperature', `${at}.overrides.temperature`, 'as the prompt')}
      </Field>
      <Field
        name={`${at}.overrides.maxTokens`}
        label="Max tokens"
        error={errors[`${at}.overrides.maxTokens`]}
      >
        {input('maxTokens', `${at}.overrides.maxTokens`, 'as the prompt')}
      </Field>
      <Field
        name={`${at}.overrides.systemMessage`}
        label="System message"
        error={errors[`${at}.overrides.systemMessage`]}
        hint="replaces the prompt's, if set"
        wide
      >
        <textarea
          class="input"
          name={`${at}.overrides.systemMessage`}
          rows={1}
          value={v.systemMessage}
          onInput={(e) => onChange({ systemMessage: e.currentTarget.value })}
        />
      </Field>
    </fieldset>
  )
}
