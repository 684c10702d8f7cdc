import { Field, Select, TextInput } from './form-field.js'
import { type FieldErrors, metricOf, type RuleForm } from './rule-form-state.js'
import {
  allowedAggregations,
  BUILT_IN_SCORES,
  COMPARATOR_TEXT,
  metricChoices,
  metricInfo,
  SCORE,
} from './rule-model.js'

type Props = { f: RuleForm; errors: FieldErrors; set(patch: Partial<RuleForm>): void }

const SCOPES = [
  ['window', 'an aggregate of the window'],
  ['interaction', 'each interaction'],
] as const
const COMPARATORS = Object.entries(COMPARATOR_TEXT).map(([k, t]) => [k, `${t} (${k})`] as const)

/** What the rule watches and when it fires: scope, metric (or a named score), aggregation, comparison. */
export function ConditionFields({ f, errors, set }: Props) {
  const metric = metricOf(f)
  const aggregations = allowedAggregations(f.scope, metric) ?? []
  const info = metricInfo(metric)
  const metrics = metricChoices(f.scope).map(
    (m) => [m, m === SCORE ? 'a score…' : `${metricInfo(m).label} (${metricInfo(m).unit})`] as const,
  )
  return (
    <>
      <Field name="scope" label="Checks" error={errors.scope}>
        <Select
          name="scope"
          value={f.scope}
          options={SCOPES}
          error={errors.scope}
          onChange={(v) => {
            const scope = v as RuleForm['scope']
            const choices = metricChoices(scope)
            set({ scope, aggregation: '', metric: choices.includes(f.metric) ? f.metric : choices[0]! })
          }}
        />
      </Field>
      <Field
        name="metric"
        label="Metric"
        error={errors.metric}
        hint={f.metric === SCORE ? 'the name of a score, e.g. relevance' : undefined}
      >
        <div class="input-row">
          <Select
            name="metric"
            value={f.metric}
            options={metrics}
            error={errors.metric}
            hint={f.metric === SCORE}
            onChange={(metric) => set({ metric, aggregation: '' })}
          />
          {f.metric === SCORE && (
            <input
              class="input"
              name="scoreName"
              aria-label="Score name"
              list="rule-score-names"
              value={f.scoreName}
              placeholder="relevance"
              onInput={(e) => set({ scoreName: e.currentTarget.value, aggregation: '' })}
            />
          )}
          <datalist id="rule-score-names">
            {BUILT_IN_SCORES.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </div>
      </Field>
      {f.scope === 'window' && aggregations.length > 1 && (
        <Field name="aggregation" label="Aggregation" error={errors.aggregation}>
          <Select
            name="aggregation"
            value={f.aggregation || aggregations[0]!}
            options={aggregations.map((a) => [a, a] as const)}
            error={errors.aggregation}
            onChange={(aggregation) => set({ aggregation })}
          />
        </Field>
      )}
      <Field name="comparator" label="Fires when" error={errors.comparator}>
        <Select
          name="comparator"
          value={f.comparator}
          options={COMPARATORS}
          error={errors.comparator}
          onChange={(v) => set({ comparator: v as RuleForm['comparator'] })}
        />
      </Field>
      <Field
        name="threshold"
        label="Threshold"
        error={errors.threshold}
        hint={info.unit && `in ${info.unit}`}
      >
        <TextInput
          name="threshold"
          value={f.threshold}
          error={errors.threshold}
          hint={!!info.unit}
          inputMode="decimal"
          placeholder={info.unitInterval ? '0.7' : '2000'}
          onInput={(threshold) => set({ threshold })}
        />
      </Field>
    </>
  )
}
