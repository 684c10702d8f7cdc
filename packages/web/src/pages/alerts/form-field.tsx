import type { ComponentChildren } from 'preact'

/** Id of a rule form control; errors and hints hang off it for screen readers. */
export const fieldId = (name: string) => `rule-${name.replace(/\./g, '-')}`

/** A labelled control with its hint, or its error right under it. */
export function Field({
  name,
  label,
  hint,
  error,
  wide = false,
  children,
}: {
  name: string
  label: string
  hint?: ComponentChildren
  error?: string | undefined
  wide?: boolean
  children: ComponentChildren
}) {
  const id = fieldId(name)
  return (
    <div class={`form-field${error ? ' has-error' : ''}${wide ? ' form-field--wide' : ''}`} data-field={name}>
      <label class="form-field__label" for={id}>
        {label}
      </label>
      {children}
      {error ? (
        <div class="form-field__error" id={`${id}-error`} role="alert">
          {error}
        </div>
      ) : (
        hint && (
          <div class="form-field__hint" id={`${id}-hint`}>
            {hint}
          </div>
        )
      )}
    </div>
  )
}

/** aria attributes of a control with an error or a hint. */
export function describedBy(name: string, error: string | undefined, hint: boolean) {
  const id = fieldId(name)
  return {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : hint ? `${id}-hint` : undefined,
  }
}

/** A select of a rule form field; options are [value, label] pairs. */
export function Select({
  name,
  value,
  options,
  error,
  hint = false,
  onChange,
}: {
  name: string
  value: string
  options: readonly (readonly [string, string])[]
  error: string | undefined
  hint?: boolean
  onChange(value: string): void
}) {
  return (
    <select
      class="input"
      name={name}
      {...describedBy(name, error, hint)}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
    >
      {options.map(([v, label]) => (
        <option key={v} value={v}>
          {label}
        </option>
      ))}
    </select>
  )
}

/** A text input of a rule form field (numbers too: they are checked as text, with a clear message). */
export function TextInput({
  name,
  value,
  error,
  hint = false,
  onInput,
  ...rest
}: {
  name: string
  value: string
  error: string | undefined
  hint?: boolean
  onInput(value: string): void
  placeholder?: string
  inputMode?: 'decimal' | 'numeric'
  maxLength?: number
}) {
  return (
    <input
      class="input"
      name={name}
      {...describedBy(name, error, hint)}
      value={value}
      autoComplete="off"
      onInput={(e) => onInput(e.currentTarget.value)}
      {...rest}
    />
  )
}
