import type { PromptVersionView } from '../../lib/api-types.js'

export type Role = 'system' | 'user' | 'assistant'

/** A new version as typed: numbers and JSON stay text until they are checked. */
export type VersionForm = {
  /** Only for a new prompt. */
  name: string
  description: string
  messages: { role: Role; content: string }[]
  model: string
  temperature: string
  maxTokens: string
  /** Other request fields as JSON ({"top_p": 0.9}). */
  parameters: string
  commitMessage: string
  /** Labels to point at the new version. */
  labels: string[]
}

/** The body of POST /api/v1/prompts (with name) or /prompts/:name/versions. */
export type VersionBody = {
  name?: string
  description?: string
  messages: { role: Role; content: string }[]
  model?: string
  temperature?: number
  maxTokens?: number
  parameters?: Record<string, unknown>
  commitMessage?: string
  labels?: string[]
}

/** Errors by the API's field names ("messages.0.content", "temperature"); '' is the form's. */
export type FieldErrors = Record<string, string>

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/
/** As the server reads them (prompts/template.ts): `{{name}}` or `{{ name }}`. */
const VARIABLE = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g

export function emptyVersionForm(): VersionForm {
  return {
    name: '',
    description: '',
    messages: [{ role: 'system', content: '' }],
    model: '',
    temperature: '',
    maxTokens: '',
    parameters: '',
    commitMessage: '',
    labels: [],
  }
}

/** A form that starts from an existing version: edit it into the next one. */
export function formFromVersion(v: PromptVersionView): VersionForm {
  return {
    ...emptyVersionForm(),
    messages: v.messages.map((m) => ({ role: m.role, content: m.content })),
    model: v.model ?? '',
    temperature: v.temperature === null ? '' : String(v.temperature),
    maxTokens: v.maxTokens === null ? '' : String(v.maxTokens),
    parameters: Object.keys(v.parameters).length ? JSON.stringify(v.parameters, null, 2) : '',
  }
}

/** The variables the messages use, in order of first appearance. */
export function variablesIn(messages: VersionForm['messages']): string[] {
  const names = new Set<string>()
  for (const m of messages) for (const match of m.content.matchAll(VARIABLE)) names.add(match[1]!)
  return [...names]
}

/** Checks the form as the server would, with messages for people; returns the body or the errors. */
export function toVersionBody(f: VersionForm, { withName }: { withName: boolean }) {
  const errors: FieldErrors = {}
  const body: VersionBody = { messages: f.messages.map((m) => ({ role: m.role, content: m.content })) }
  if (withName) {
    const name = f.name.trim()
    if (!name) errors.name = 'Give the prompt a name, for example support-system.'
    else if (!NAME.test(name) || name.length > 100)
      errors.name = 'Letters, digits, ".", "_" and "-" (up to 100), starting with a letter or digit.'
    body.name = name
    if (f.description.trim()) body.description = f.description.trim()
  }
  if (f.messages.length === 0) errors.messages = 'A prompt needs at least one message.'
  f.messages.forEach((m, i) => {
    if (!m.content.trim()) errors[`messages.${i}.content`] = 'Write the message, or remove it.'
  })
  if (f.model.trim()) body.model = f.model.trim()
  if (f.temperature.trim()) {
    const t = Number(f.temperature)
    if (!Number.isFinite(t) || t < 0 || t > 2) errors.temperature = 'A number from 0 to 2.'
    else body.temperature = t
  }
  if (f.maxTokens.trim()) {
    const n = Number(f.maxTokens)
    if (!Number.isInteger(n) || n < 1) errors.maxTokens = 'A whole number of at least 1.'
    else body.maxTokens = n
  }
  if (f.parameters.trim()) {
    try {
      const p = JSON.parse(f.parameters)
      if (typeof p !== 'object' || p === null || Array.isArray(p)) throw new Error('not an object')
      body.parameters = p
    } catch {
      errors.parameters = 'A JSON object, for example {"top_p": 0.9}.'
    }
  }
  if (f.commitMessage.trim()) body.commitMessage = f.commitMessage.trim()
  const labels = [...new Set(f.labels.map((l) => l.trim()).filter(Boolean))]
  const bad = labels.find((l) => !NAME.test(l) || l === 'latest')
  if (bad !== undefined)
    errors.labels =
      bad === 'latest' ? '"latest" always means the newest version.' : `"${bad}" is not a label name.`
  if (labels.length) body.labels = labels
  return Object.keys(errors).length ? { errors } : { body }
}
