import { Badge } from '../../components/misc.js'
import type { FieldErrors } from '../../lib/field-errors.js'
import { type Role, type VersionForm, variablesIn } from './version-form-state.js'

const ROLES: Role[] = ['system', 'user', 'assistant']

/** The chat messages of a version, with the {{variables}} they use. */
export function MessagesEditor({
  messages,
  errors,
  onChange,
}: {
  messages: VersionForm['messages']
  errors: FieldErrors
  onChange(messages: VersionForm['messages']): void
}) {
  const patch = (i: number, m: Partial<VersionForm['messages'][number]>) =>
    onChange(messages.map((x, j) => (j === i ? { ...x, ...m } : x)))
  const variables = variablesIn(messages)
  return (
    <div class="messages-editor" data-field="messages">
      <div class="messages-editor__head">
        <span class="form-field__label">Messages</span>
        <span class="muted small">
          Use <code>{'{{name}}'}</code> for values filled in at render time.
        </span>
        {variables.length > 0 && (
          <span class="badges" title="Variables these messages use">
            {variables.map((v) => (
              <Badge key={v} tone="accent">{`{{${v}}}`}</Badge>
            ))}
          </span>
        )}
      </div>
      {errors.messages && (
        <div class="form-field__error" role="alert">
          {errors.messages}
        </div>
      )}
      {messages.map((m, i) => {
        const error = errors[`messages.${i}.content`] ?? errors[`messages.${i}.role`]
        return (
          <div key={i} class={`message-row${error ? ' has-error' : ''}`} data-field={`messages.${i}.content`}>
            <select
              class="input input--small"
              name={`messages.${i}.role`}
              aria-label={`Role of message ${i + 1}`}
              value={m.role}
              onChange={(e) => patch(i, { role: e.currentTarget.value as Role })}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
            <div class="message-row__text">
              <textarea
                class="input mono"
                name={`messages.${i}.content`}
                aria-label={`Message ${i + 1}`}
                aria-invalid={error ? true : undefined}
                rows={Math.min(12, Math.max(3, m.content.split('\n').length + 1))}
                value={m.content}
                onInput={(e) => patch(i, { content: e.currentTarget.value })}
              />
              {error && (
                <span class="form-field__error" role="alert">
                  {error}
                </span>
              )}
            </div>
            <button
              type="button"
              class="button button--small"
              aria-label={`Remove message ${i + 1}`}
              disabled={messages.length === 1}
              onClick={() => onChange(messages.filter((_, j) => j !== i))}
            >
              Remove
            </button>
          </div>
        )
      })}
      <button
        type="button"
        class="button button--small"
        onClick={() => onChange([...messages, { role: 'user', content: '' }])}
      >
        Add message
      </button>
    </div>
  )
}
