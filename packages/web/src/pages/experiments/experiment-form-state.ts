import type { FieldErrors } from '../../lib/field-errors.js'

/** A variant as typed. `prompt` is '' (none), `v:<n>` (a version) or `l:<label>` (pinned when saved). */
export type VariantForm = {
  key: string
  name: string
  weight: string
  promptName: string
  prompt: string
  systemMessage: string
  model: string
  temperature: string
  maxTokens: string
}

export type ExperimentForm = {
  key: string
  name: string
  hypothesis: string
  unit: 'user' | 'session'
  variants: VariantForm[]
  control: string
  primaryMetric: string
  /** Metric ids, comma separated; empty: the server's defaults. */
  guardrails: string
  sequential: boolean
  /** Percent, as people say it ("5" for 5 %). */
  minimumEffect: string
  alpha: string
  correction: 'holm' | 'bh' | 'none'
  start: boolean
}

type Override = { systemMessage?: string; model?: string; temperature?: number; maxTokens?: number }
export type ExperimentBody = {
  key: string
  name?: string
  hypothesis?: string
  unit: 'user' | 'session'
  variants: {
    key: string
    name?: string
    weight: number
    prompt?: { name: string; version?: number; label?: string }
    overrides?: Override
  }[]
  control?: string
  primaryMetric: string
  guardrails?: string[]
  settings: { sequential: boolean; minimumEffect: number; alpha: number; correction: 'holm' | 'bh' | 'none' }
  start: boolean
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/

export const emptyVariant = (key: string, promptName = '', prompt = ''): VariantForm => ({
  key,
  name: '',
  weight: '1',
  promptName,
  prompt,
  systemMessage: '',
  model: '',
  temperature: '',
  maxTokens: '',
})

export function emptyExperimentForm(promptName = ''): ExperimentForm {
  return {
    key: '',
    name: '',
    hypothesis: '',
    unit: 'user',
    variants: [
      emptyVariant('control', promptName, promptName ? 'l:production' : ''),
      emptyVariant('treatment', promptName, promptName ? 'l:staging' : ''),
    ],
    control: 'control',
    primaryMetric: 'score:quality:heuristic',
    guardrails: '',
    sequential: true,
    minimumEffect: '5',
    alpha: '0.05',
    correction: 'holm',
    start: true,
  }
}

function variantBody(v: VariantForm, i: number, errors: FieldErrors): ExperimentBody['variants'][number] {
  const at = `variants.${i}`
  const key = v.key.trim()
  if (!key || !NAME.test(key)) errors[`${at}.key`] = 'Letters, digits, ".", "_" and "-".'
  const weight = Number(v.weight)
  if (v.weight.trim() === '' || !Number.isFinite(weight) || weight < 0)
    errors[`${at}.weight`] = 'A number of 0 or more (1 and 1 is 50/50).'
  const out: ExperimentBody['variants'][number] = { key, weight }
  if (v.name.trim()) out.name = v.name.trim()
  if (v.promptName) {
    const [kind, ref] = [v.prompt.slice(0, 2), v.prompt.slice(2)]
    out.prompt = {
      name: v.promptName,
      ...(kind === 'v:' ? { version: Number(ref) } : kind === 'l:' ? { label: ref } : {}),
    }
  }
  const o: Override = {}
  if (v.systemMessage.trim()) o.systemMessage = v.systemMessage
  if (v.model.trim()) o.model = v.model.trim()
  if (v.temperature.trim()) {
    const t = Number(v.temperature)
    if (!Number.isFinite(t) || t < 0 || t > 2) errors[`${at}.overrides.temperature`] = 'From 0 to 2.'
    else o.temperature = t
  }
  if (v.maxTokens.trim()) {
    const n = Number(v.maxTokens)
    if (!Number.isInteger(n) || n < 1) errors[`${at}.overrides.maxTokens`] = 'A whole number ≥ 1.'
    else o.maxTokens = n
  }
  if (Object.keys(o).length) out.overrides = o
  if (!out.prompt && !out.overrides)
    errors[`${at}.prompt`] = 'Pick a prompt version or change something (system message, model…).'
  return out
}

/** Checks the form as the server would, with messages for people; returns the body or the errors. */
export function toExperimentBody(
  f: ExperimentForm,
): { body: ExperimentBody; errors?: never } | { errors: FieldErrors; body?: never } {
  const errors: FieldErrors = {}
  const key = f.key.trim()
  if (!key) errors.key = 'Give the experiment a key, for example shorter-answers.'
  else if (!NAME.test(key)) errors.key = 'Letters, digits, ".", "_" and "-", starting with a letter or digit.'
  const variants = f.variants.map((v, i) => variantBody(v, i, errors))
  if (f.variants.length < 2) errors.variants = 'An experiment needs at least two variants.'
  const keys = variants.map((v) => v.key)
  keys.forEach((k, i) => {
    if (k && keys.indexOf(k) !== i) errors[`variants.${i}.key`] = `Another variant is called "${k}".`
  })
  if (!keys.includes(f.control)) errors.control = 'Pick one of the variants.'
  const effect = Number(f.minimumEffect)
  if (!Number.isFinite(effect) || effect <= 0 || effect > 1000)
    errors['settings.minimumEffect'] = 'A percent above 0, for example 5.'
  const alpha = Number(f.alpha)
  if (!Number.isFinite(alpha) || alpha <= 0 || alpha > 0.2) errors['settings.alpha'] = 'Above 0, at most 0.2.'
  if (!f.primaryMetric.trim()) errors.primaryMetric = 'Name the metric that decides.'
  if (Object.keys(errors).length) return { errors }
  const guardrails = f.guardrails
    .split(',')
    .map((g) => g.trim())
    .filter(Boolean)
  return {
    body: {
      key,
      ...(f.name.trim() && { name: f.name.trim() }),
      ...(f.hypothesis.trim() && { hypothesis: f.hypothesis.trim() }),
      unit: f.unit,
      variants,
      control: f.control,
      primaryMetric: f.primaryMetric.trim(),
      ...(guardrails.length && { guardrails }),
      settings: { sequential: f.sequential, minimumEffect: effect / 100, alpha, correction: f.correction },
      start: f.start,
    },
  }
}

/** Where a server error lands in the form: a variant's prompt errors go to its prompt field. */
export function placeExperimentError(field: string): string | null {
  const prompt = /^(variants\.\d+)\.prompt(\..*)?$/.exec(field)
  if (prompt) return `${prompt[1]}.prompt`
  if (/^guardrails\.\d+$/.test(field)) return 'guardrails'
  if (/^variants\.\d+$/.test(field)) return `${field}.key`
  return field
}
