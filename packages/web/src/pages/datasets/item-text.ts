import type { StoredRun } from '../../lib/api-types.js'

type Input =
  | string
  | { query?: string; history?: { role: string; content: string }[]; variables?: Record<string, unknown> }

/** The user's query of an item's input (text, or `{ query, history, variables }`). */
export function queryOf(input: unknown): string {
  if (typeof input === 'string') return input
  const q = (input as (Input & object) | null)?.query
  return typeof q === 'string' ? q : JSON.stringify(input)
}

/** "2 earlier turns · store = Acme": what else the input carries. */
export function inputExtras(input: unknown): string {
  if (typeof input !== 'object' || input === null) return ''
  const i = input as Exclude<Input, string>
  const parts: string[] = []
  if (i.history?.length) parts.push(`${i.history.length} earlier message${i.history.length === 1 ? '' : 's'}`)
  for (const [k, v] of Object.entries(i.variables ?? {})) parts.push(`${k} = ${String(v)}`)
  return parts.join(' · ')
}

/** An expected output or any JSON value as one line of text. */
export function textOf(v: unknown): string {
  if (v === null || v === undefined) return ''
  return typeof v === 'string' ? v : JSON.stringify(v)
}

type Config = {
  prompt?: { name: string; version: number } | null
  template?: unknown[]
  model?: string
  temperature?: number | null
  maxTokens?: number | null
}

/** "support-system@1 · gpt-4o-mini, max_tokens 12", as the server describes a run's configuration. */
export function describeRunConfig(run: Pick<StoredRun, 'config'>): string {
  const c = run.config as Config
  const what = c.prompt
    ? `${c.prompt.name}@${c.prompt.version}`
    : c.template?.length
      ? 'system prompt'
      : 'no prompt'
  const extra = [
    c.temperature != null && `temperature ${c.temperature}`,
    c.maxTokens != null && `max_tokens ${c.maxTokens}`,
  ].filter(Boolean)
  return `${what} · ${c.model ?? '?'}${extra.length ? `, ${extra.join(', ')}` : ''}`
}

export const runLabel = (r: Pick<StoredRun, 'id' | 'name'>) => r.name ?? `run ${r.id.slice(-8)}`
