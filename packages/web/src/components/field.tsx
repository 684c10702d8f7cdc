import type { ComponentChildren } from 'preact'

/**
 * A labelled control with its hint, or its error right under it. The label wraps the control,
 * so no ids are needed; `name` is the API's field name (`data-field`), where a server error lands.
 */
export function Field({
  name,
  label,
  hint,
  error,
  wide = false,
  group = false,
  children,
}: {
  name: string
  label: ComponentChildren
  hint?: ComponentChildren
  error?: string | undefined
  wide?: boolean
  /** Several controls: a group, since a label would hand every click to the first one. */
  group?: boolean
  children: ComponentChildren
}) {
  const Tag = group ? 'div' : 'label'
  return (
    <Tag
      class={`form-field${error ? ' has-error' : ''}${wide ? ' form-field--wide' : ''}`}
      data-field={name}
      role={group ? 'group' : undefined}
    >
      <span class="form-field__label">{label}</span>
      {children}
      {error ? (
        <span class="form-field__error" role="alert">
          {error}
        </span>
      ) : (
        hint && <span class="form-field__hint">{hint}</span>
      )}
    </Tag>
  )
}

/** A banner for what a form or an action said last: done (info) or refused (error). */
export function Note({ note }: { note: { text: string; error: boolean } | null }) {
  if (!note) return null
  return (
    <div
      class={`banner ${note.error ? 'banner--error' : 'banner--info'}`}
      role={note.error ? 'alert' : 'status'}
    >
      {note.text}
    </div>
  )
}
