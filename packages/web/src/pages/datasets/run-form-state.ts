import type { FieldErrors } from '../../lib/field-errors.js'

/** Checks people usually want on every item; others can be written as JSON. */
export const PRESETS = [
  { id: 'icontains', label: 'contains the expected answer (any case)', assertion: { type: 'icontains' } },
  { id: 'equals', label: 'equals the expected answer', assertion: { type: 'equals' } },
  {
    id: 'no-ai',
    label: 'does not say "as an AI"',
    assertion: { type: 'icontains', value: 'as an AI', not: true },
  },
] as const
export const JUDGE_EVALUATORS = ['rubric', 'groundedness', 'category'] as const

/** A run as typed. */
export type RunForm = {
  name: string
  promptName: string
  /** `l:<label>` or `v:<version>`. */
  ref: string
  systemPrompt: string
  model: string
  temperature: string
  maxTokens: string
  presets: string[]
  custom: string
  judges: string[]
  repeat: string
}

/** The body of POST /datasets/:dataset/runs, or what is wrong with the custom checks. */
export function toRunBody(f: RunForm): { body?: unknown; errors?: FieldErrors } {
  const config: Record<string, unknown> = {}
  if (f.promptName) {
    const [kind, ref] = [f.ref.slice(0, 2), f.ref.slice(2)]
    config.prompt = { name: f.promptName, ...(kind === 'v:' ? { version: Number(ref) } : { label: ref }) }
  } else if (f.systemPrompt.trim()) config.systemPrompt = f.systemPrompt
  if (f.model.trim()) config.model = f.model.trim()
  if (f.temperature.trim()) config.temperature = Number(f.temperature)
  if (f.maxTokens.trim()) config.maxTokens = Number(f.maxTokens)
  let custom: unknown[] = []
  if (f.custom.trim()) {
    try {
      const parsed = JSON.parse(f.custom)
      custom = Array.isArray(parsed) ? parsed : [parsed]
    } catch {
      return {
        errors: { assertions: 'JSON: one check {"type": "regex", "pattern": "…"} or a list of them.' },
      }
    }
  }
  const assertions = [...PRESETS.filter((p) => f.presets.includes(p.id)).map((p) => p.assertion), ...custom]
  return {
    body: {
      ...(f.name.trim() && { name: f.name.trim() }),
      config,
      assertions,
      evaluators: ['heuristics', ...f.judges],
      repeat: Number(f.repeat),
    },
  }
}

/** Where a server error lands: config fields by their own name, a check by the checks field. */
export const placeRunError = (field: string) =>
  field.startsWith('assertions')
    ? 'assertions'
    : field.startsWith('config.prompt')
      ? 'prompt'
      : field.replace(/^config\./, '')

/** The production version of the registry's first prompt, checked for the expected answer. */
export function emptyRunForm(promptName: string): RunForm {
  return {
    name: '',
    promptName,
    ref: 'l:production',
    systemPrompt: '',
    model: '',
    temperature: '',
    maxTokens: '',
    presets: ['icontains'],
    custom: '',
    judges: [],
    repeat: '1',
  }
}
