/**
 * The metrics an experiment's results report, and how to read each: what one observation is,
 * whether it is a rate (0/1 per observation) or a mean, and which direction is better.
 */
export type MetricKind = 'mean' | 'rate'
export type MetricLevel = 'trace' | 'session' | 'feedback'
export type Direction = 'higher' | 'lower'

export type MetricDefinition = {
  id: string
  label: string
  kind: MetricKind
  /** What one observation is: a turn (trace), a conversation (session), or a piece of feedback. */
  level: MetricLevel
  direction: Direction
  /** Unit of the values: ms, USD, or null (a 0..1 score, a rating, a rate). */
  unit: 'ms' | 'USD' | null
  /** For scores: the score's name and source. */
  score?: { name: string; source: string }
}

// biome-ignore format: a table
export const BUILTIN_METRICS: readonly MetricDefinition[] = [
  { id: 'latency_ms', label: 'latency per turn', kind: 'mean', level: 'trace', direction: 'lower', unit: 'ms' },
  { id: 'cost_usd', label: 'cost per turn', kind: 'mean', level: 'trace', direction: 'lower', unit: 'USD' },
  { id: 'error_rate', label: 'error rate', kind: 'rate', level: 'trace', direction: 'lower', unit: null },
  { id: 'thumbs_up_rate', label: 'thumbs-up rate', kind: 'rate', level: 'feedback', direction: 'higher', unit: null },
  { id: 'rating', label: 'rating (1–5)', kind: 'mean', level: 'feedback', direction: 'higher', unit: null },
  { id: 'resolution_rate', label: 'resolution rate', kind: 'rate', level: 'session', direction: 'higher', unit: null },
  { id: 'satisfaction', label: 'satisfaction', kind: 'mean', level: 'session', direction: 'higher', unit: null },
]
const BUILTIN = new Map(BUILTIN_METRICS.map((m) => [m.id, m]))

/** Scores where lower is better (as in analytics); every other score reads higher-is-better. */
export const LOWER_IS_BETTER_SCORES = new Set([
  'toxicity',
  'judge_toxicity',
  'pii_leak',
  'refusal',
  'hallucination',
])
const SCORE_SOURCES = new Set(['heuristic', 'judge', 'human', 'api'])

/** Id of a score metric: `score:<name>:<source>` on turns, `session_score:<name>:<source>` on conversations. */
export const scoreMetricId = (level: 'trace' | 'session', name: string, source: string) =>
  `${level === 'trace' ? 'score' : 'session_score'}:${name}:${source}`

export function scoreMetric(
  level: 'trace' | 'session',
  name: string,
  source: string,
  dataType: string,
): MetricDefinition {
  return {
    id: scoreMetricId(level, name, source),
    label: `${name} (${source}${level === 'session' ? ', per conversation' : ''})`,
    kind: dataType === 'boolean' ? 'rate' : 'mean',
    level,
    direction: LOWER_IS_BETTER_SCORES.has(name) ? 'lower' : 'higher',
    unit: null,
    score: { name, source },
  }
}

/** Reads a metric id; undefined when it names no metric chatlens knows how to compute. */
export function parseMetricId(id: string): MetricDefinition | undefined {
  const builtin = BUILTIN.get(id)
  if (builtin) return builtin
  const m = /^(score|session_score):(.+):([a-z]+)$/.exec(id)
  if (!m || !SCORE_SOURCES.has(m[3]!)) return undefined
  return scoreMetric(m[1] === 'score' ? 'trace' : 'session', m[2]!, m[3]!, 'numeric')
}

export const DEFAULT_PRIMARY_METRIC = 'score:quality:heuristic'
/** Guardrails when none are given: errors must not rise, heuristic quality must not drop. */
export const DEFAULT_GUARDRAILS = ['error_rate', 'score:quality:heuristic']
