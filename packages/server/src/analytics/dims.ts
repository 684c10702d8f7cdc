import type { RollupDimFilter } from '../store/index.js'

/** The dimensions rollups are kept by. A conversation takes those of its first turn. */
export type Dims = {
  bot: string | null
  version: string | null
  variant: string | null
  model: string | null
  environment: string | null
  promptName: string | null
  promptVersion: number | null
  category: string | null
}

/** Filters every analytics query accepts. userId and tag are not in rollups: they scan raw rows. */
export type MetricFilter = {
  bot?: string
  version?: string
  variant?: string
  model?: string
  environment?: string
  promptName?: string
  promptVersion?: number
  category?: string
  userId?: string
  tag?: string
}

export const GROUP_DIMENSIONS = [
  'bot',
  'version',
  'variant',
  'model',
  'environment',
  'prompt',
  'category',
  'user',
  'tag',
] as const
export type GroupDimension = (typeof GROUP_DIMENSIONS)[number]

/** A grouped row's identity: the dimension's value for it, or null for "not set". */
export type GroupKey = string | null

const KEYED: Record<Exclude<GroupDimension, 'prompt' | 'user' | 'tag'>, keyof Dims> = {
  bot: 'bot',
  version: 'version',
  variant: 'variant',
  model: 'model',
  environment: 'environment',
  category: 'category',
}

/** The group of a row by its dimensions (user and tag are handled by the raw scan). */
export function groupOf(dims: Dims, by: GroupDimension | undefined): GroupKey {
  if (!by) return ''
  if (by === 'prompt')
    return dims.promptName === null ? null : `${dims.promptName}@${dims.promptVersion ?? ''}`
  if (by === 'user' || by === 'tag') throw new Error(`group by ${by} needs the raw scan`)
  const v = dims[KEYED[by]]
  return v === null ? null : String(v)
}

/** Whether the query can be answered from rollups (plus raw rows for stale hours). */
export const rollupCanAnswer = (f: MetricFilter, by?: GroupDimension) =>
  f.userId === undefined && f.tag === undefined && by !== 'user' && by !== 'tag'

/** The filter as equality conditions on rollup columns. */
export function rollupDimFilter(f: MetricFilter): RollupDimFilter {
  const out: RollupDimFilter = {}
  if (f.bot !== undefined) out.bot = f.bot
  if (f.version !== undefined) out.version = f.version
  if (f.variant !== undefined) out.variant = f.variant
  if (f.model !== undefined) out.model = f.model
  if (f.environment !== undefined) out.environment = f.environment
  if (f.promptName !== undefined) out.prompt_name = f.promptName
  if (f.promptVersion !== undefined) out.prompt_version = f.promptVersion
  if (f.category !== undefined) out.category = f.category
  return out
}

/**
 * Environments of chatlens's own offline traffic: dataset runs (`eval`) and the dashboard's
 * playground. Metrics leave them out unless a filter asks for that environment by name, so
 * testing a prompt never moves the production figures.
 */
export const OFFLINE_ENVIRONMENTS: ReadonlySet<string> = new Set(['eval', 'playground'])

/** Whether traffic of this environment counts under the filter (see OFFLINE_ENVIRONMENTS). */
export const inScope = (environment: string | null, f: MetricFilter): boolean =>
  f.environment !== undefined || environment === null || !OFFLINE_ENVIRONMENTS.has(environment)

/** Whether dimensions match the filter (userId and tag are checked in SQL). */
export function matchesDims(d: Dims, f: MetricFilter): boolean {
  return (
    inScope(d.environment, f) &&
    (f.bot === undefined || d.bot === f.bot) &&
    (f.version === undefined || d.version === f.version) &&
    (f.variant === undefined || d.variant === f.variant) &&
    (f.model === undefined || d.model === f.model) &&
    (f.environment === undefined || d.environment === f.environment) &&
    (f.promptName === undefined || d.promptName === f.promptName) &&
    (f.promptVersion === undefined || d.promptVersion === f.promptVersion) &&
    (f.category === undefined || d.category === f.category)
  )
}

/** Stored form: '' and 0 stand for null, so the columns can be part of a primary key. */
export const dimText = (v: string | null) => v ?? ''
export const textDim = (v: unknown): string | null =>
  v === '' || v === null || v === undefined ? null : String(v)
export const numDim = (v: unknown): number | null =>
  v === 0 || v === null || v === undefined ? null : Number(v)

export function dimsKey(d: Dims): string {
  return [d.bot, d.version, d.variant, d.model, d.environment, d.promptName, d.promptVersion, d.category]
    .map((v) => (v === null ? '' : String(v)))
    .join('\u001f')
}
