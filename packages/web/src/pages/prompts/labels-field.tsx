import { Field } from '../../components/field.js'
import { STANDARD_LABELS } from './labels.js'

const standard = (l: string) => (STANDARD_LABELS as readonly string[]).includes(l)

/** The labels to point at a new version: the usual ones as checkboxes, any other typed in. */
export function LabelsField({
  labels,
  error,
  onChange,
}: {
  labels: string[]
  error: string | undefined
  onChange(labels: string[]): void
}) {
  return (
    <Field name="labels" label="Point labels at it" error={error} wide group>
      <span class="input-row">
        {STANDARD_LABELS.map((l) => (
          <label key={l} class="checkbox">
            <input
              type="checkbox"
              name={`label-${l}`}
              checked={labels.includes(l)}
              onChange={(e) =>
                onChange(e.currentTarget.checked ? [...labels, l] : labels.filter((x) => x !== l))
              }
            />
            {l}
          </label>
        ))}
        <input
          class="input"
          name="customLabels"
          aria-label="Other labels"
          placeholder="other labels, comma separated"
          value={labels.filter((l) => !standard(l)).join(', ')}
          onInput={(e) =>
            onChange([...labels.filter(standard), ...e.currentTarget.value.split(',').map((s) => s.trim())])
          }
        />
      </span>
    </Field>
  )
}
