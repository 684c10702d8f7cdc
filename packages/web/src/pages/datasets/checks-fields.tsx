import { Field } from '../../components/field.js'
import { JUDGE_EVALUATORS, PRESETS, type RunForm } from './run-form-state.js'

/** What scores and checks every answer of a run: the LLM judge's evaluators, preset and custom checks. */
export function ChecksFields({
  f,
  error,
  toggle,
  set,
}: {
  f: RunForm
  error: string | undefined
  toggle(key: 'presets' | 'judges', id: string, on: boolean): void
  set(patch: Partial<RunForm>): void
}) {
  return (
    <>
      <Field name="evaluators" label="Also score with the LLM judge" group>
        {JUDGE_EVALUATORS.map((j) => (
          <label key={j} class="checkbox">
            <input
              type="checkbox"
              name={`judge-${j}`}
              checked={f.judges.includes(j)}
              onChange={(e) => toggle('judges', j, e.currentTarget.checked)}
            />
            {j}
          </label>
        ))}
      </Field>
      <Field name="assertions" label="Checks on every answer" error={error} group wide>
        {PRESETS.map((p) => (
          <label key={p.id} class="checkbox">
            <input
              type="checkbox"
              name={`check-${p.id}`}
              checked={f.presets.includes(p.id)}
              onChange={(e) => toggle('presets', p.id, e.currentTarget.checked)}
            />
            {p.label}
          </label>
        ))}
        <textarea
          class="input mono"
          name="customAssertions"
          aria-label="More checks (JSON)"
          rows={2}
          placeholder='more checks as JSON: [{"type": "regex", "pattern": "^(Yes|No)"}]'
          value={f.custom}
          onInput={(e) => set({ custom: e.currentTarget.value })}
        />
      </Field>
    </>
  )
}
