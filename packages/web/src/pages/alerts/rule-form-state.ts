import type { AlertRule } from '../../lib/api-types.js'
import { allowedAggregations, metricInfo, SCORE, type Scope } from './rule-model.js'

/** Filters a rule can have (the rollup dimensions; category only on window rules). */
export const RULE_FILTERS = ['bot', 'version', 'variant', 'model', 'environment', 'category'] as const
export type RuleFilter = (typeof RULE_FILTERS)[number]

export type Severity = AlertRule['severity']
export type Comparator = AlertRule['comparator']

/** The form as typed: numbers stay text until they are checked. */
export type RuleForm = {
  name: string
  description: string
  scope: Scope
  /** A metric id, or SCORE with the score's name in `scoreName`. */
  metric: string
  scoreName: string
  /** '' means the metric's default (its first aggregation). */
  aggregation: string
  comparator: Comparator
  threshold: string
  windowMinutes: string
  severity: Severity
  minSample: string
  cooldownMinutes: string
  enabled: boolean
  filters: Record<RuleFilter, string>
}

/** The body of POST/PUT /api/v1/alerts/rules. */
export type RuleBody = {
  name: string
  description?: string
  scope: Scope
  metric: string
  aggregation?: string
  comparator: Comparator
  threshold: number
  windowMinutes: number
  severity: Severity
  filters: Partial<Record<RuleFilter, string>>
  minSample: number
  cooldownMinutes: number
  enabled: boolean
  channels?: string[]
}

/** Errors by field name, as the server names them ("threshold", "filters.category"); '' is the form's. */
export type FieldErrors = Record<string, string>

const MINUTE_MS = 60_000
const MAX_WINDOW_MINUTES = 90 * 24 * 60
const MAX_COOLDOWN_MINUTES = 7 * 24 * 60
const noFilters = (): Record<RuleFilter, string> =>
  Object.fromEntries(RULE_FILTERS.map((k) => [k, ''])) as Record<RuleFilter, string>

export function emptyForm(): RuleForm {
  return {
    name: '',
    description: '',
    scope: 'window',
    metric: 'latency_ms',
    scoreName: '',
    aggregation: '',
    comparator: 'gt',
    threshold: '',
    windowMinutes: '60',
    severity: 'medium',
    minSample: '1',
    cooldownMinutes: '30',
    enabled: true,
    filters: noFilters(),
  }
}

export function formFromRule(r: AlertRule): RuleForm {
  const score = r.metric.startsWith('score:')
  const filters = noFilters()
  for (const k of RULE_FILTERS) if (r.filters[k] !== undefined) filters[k] = String(r.filters[k])
  return {
    name: r.name,
    description: r.description ?? '',
    scope: r.scope,
    metric: score ? SCORE : r.metric,
    scoreName: score ? r.metric.slice(6) : '',
    aggregation: r.aggregation,
    comparator: r.comparator,
    threshold: String(r.threshold),
    windowMinutes: String(r.windowMs / MINUTE_MS),
    severity: r.severity,
    minSample: String(r.minSample),
    cooldownMinutes: String(r.cooldownMs / MINUTE_MS),
    enabled: r.enabled,
    filters,
  }
}

export const metricOf = (f: Pick<RuleForm, 'metric' | 'scoreName'>) =>
  f.metric === SCORE ? `score:${f.scoreName.trim()}` : f.metric

function wholeNumber(s: string, min: number, max: number): number | null {
  const n = Number(s.trim())
  return s.trim() !== '' && Number.isInteger(n) && n >= min && n <= max ? n : null
}

/** Checks the form as the server would, with messages for people; returns the body or the errors. */
export function toBody(
  f: RuleForm,
): { body: RuleBody; errors?: never } | { errors: FieldErrors; body?: never } {
  const errors: FieldErrors = {}
  const metric = metricOf(f)
  if (!f.name.trim()) errors.name = 'Give the rule a name.'
  if (f.metric === SCORE && !f.scoreName.trim()) errors.metric = 'Name the score, for example relevance.'
  const allowed = allowedAggregations(f.scope, metric)
  if (!errors.metric && !allowed) errors.metric = `Not a metric of ${f.scope} rules.`
  if (allowed && f.aggregation && !allowed.includes(f.aggregation))
    errors.aggregation = `Use one of ${allowed.join(', ')}.`
  const threshold = Number(f.threshold.trim())
  const info = metricInfo(metric)
  if (!f.threshold.trim()) errors.threshold = 'Enter a threshold.'
  else if (!Number.isFinite(threshold)) errors.threshold = 'Enter a number, for example 0.7 or 2000.'
  else if (info.unitInterval && (threshold < 0 || threshold > 1))
    errors.threshold = `${info.label} is between 0 and 1; use a threshold in that range (0.7, not 70).`
  const windowMinutes = wholeNumber(f.windowMinutes, 1, MAX_WINDOW_MINUTES)
  if (windowMinutes === null) errors.windowMinutes = 'Whole minutes from 1 to 129,600 (90 days).'
  const minSample = wholeNumber(f.minSample, 1, 1_000_000)
  if (minSample === null) errors.minSample = 'A whole number of at least 1.'
  const cooldownMinutes = wholeNumber(f.cooldownMinutes, 0, MAX_COOLDOWN_MINUTES)
  if (cooldownMinutes === null) errors.cooldownMinutes = 'Whole minutes from 0 to 10,080 (7 days).'
  if (f.scope === 'interaction' && f.filters.category.trim())
    errors['filters.category'] = 'Per-interaction rules cannot filter on category.'
  if (Object.keys(errors).length) return { errors }
  const filters: RuleBody['filters'] = {}
  for (const k of RULE_FILTERS) if (f.filters[k].trim()) filters[k] = f.filters[k].trim()
  return {
    body: {
      name: f.name.trim(),
      ...(f.description.trim() && { description: f.description.trim() }),
      scope: f.scope,
      metric,
      ...(f.scope === 'window' && f.aggregation && { aggregation: f.aggregation }),
      comparator: f.comparator,
      threshold,
      windowMinutes: windowMinutes!,
      severity: f.severity,
      filters,
      minSample: minSample!,
      cooldownMinutes: cooldownMinutes!,
      enabled: f.enabled,
    },
  }
}

/** The full body of a stored rule with a change (the API replaces definitions whole). */
export function bodyFromRule(r: AlertRule, patch: Partial<RuleBody> = {}): RuleBody {
  return {
    name: r.name,
    ...(r.description && { description: r.description }),
    scope: r.scope,
    metric: r.metric,
    aggregation: r.aggregation,
    comparator: r.comparator,
    threshold: r.threshold,
    windowMinutes: r.windowMs / MINUTE_MS,
    severity: r.severity,
    filters: r.filters as RuleBody['filters'],
    minSample: r.minSample,
    cooldownMinutes: r.cooldownMs / MINUTE_MS,
    enabled: r.enabled,
    ...(r.channels && { channels: r.channels }),
    ...patch,
  }
}

/** The server prefixes its message with the field ("threshold: …"); next to the field that is noise. */
export function serverFieldError(field: string | null, message: string): FieldErrors {
  const key = field ?? ''
  const text = key && message.startsWith(`${key}: `) ? message.slice(key.length + 2) : message
  return { [key]: text.charAt(0).toUpperCase() + text.slice(1) }
}
