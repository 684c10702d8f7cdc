import { useState } from 'preact/hooks'
import { Field } from '../../components/field.js'
import { apiSend } from '../../lib/api.js'
import type { PromptVersionView, RenderedPrompt } from '../../lib/api-types.js'
import { apiFieldErrors, type FieldErrors } from '../../lib/field-errors.js'
import { PromptMessages } from './prompt-messages.js'

/**
 * Fills a version's {{variables}} on the server and shows the messages the model would get. An
 * empty field is left out, so the server's verdict on a missing variable shows next to it.
 */
export function RenderPanel({ version }: { version: PromptVersionView }) {
  const [values, setValues] = useState<Record<string, string>>({})
  const [errors, setErrors] = useState<FieldErrors>({})
  const [rendered, setRendered] = useState<RenderedPrompt | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (e: Event) => {
    e.preventDefault()
    setBusy(true)
    setErrors({})
    const variables = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''))
    try {
      setRendered(
        await apiSend<RenderedPrompt>('POST', `/api/v1/prompts/${encodeURIComponent(version.name)}/render`, {
          version: version.version,
          variables,
        }),
      )
    } catch (err) {
      setRendered(null)
      setErrors(apiFieldErrors(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form class="render-panel" onSubmit={submit} noValidate aria-label="Render">
      <p class="muted">
        Fill the variables of v{version.version} and see the messages exactly as they are sent to the model.
      </p>
      {errors[''] && (
        <div class="banner banner--error" role="alert">
          {errors['']}
        </div>
      )}
      <div class="render-panel__fields">
        {version.variables.length === 0 && <span class="muted">This version has no variables.</span>}
        {version.variables.map((name) => (
          <Field
            key={name}
            name={`variables.${name}`}
            label={`{{${name}}}`}
            error={errors[`variables.${name}`]}
          >
            <input
              class="input"
              name={`variables.${name}`}
              value={values[name] ?? ''}
              aria-invalid={errors[`variables.${name}`] ? true : undefined}
              onInput={(e) => setValues((v) => ({ ...v, [name]: e.currentTarget.value }))}
            />
          </Field>
        ))}
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? 'Rendering…' : 'Render'}
        </button>
      </div>
      {rendered && (
        <div class="render-panel__result" data-rendered={rendered.prompt.version}>
          {rendered.unusedVariables.length > 0 && (
            <div class="banner banner--info">
              Not used by this version: {rendered.unusedVariables.join(', ')}
            </div>
          )}
          <PromptMessages messages={rendered.messages} variables={false} />
        </div>
      )}
    </form>
  )
}
