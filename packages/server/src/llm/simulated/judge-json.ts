import { JUDGE_EXPLANATION, type JudgeScores } from './judge-scores.js'

/**
 * Shapes the simulated judge's scores as the JSON a request asked for: every property of a JSON
 * schema gets the score its name points to (scaled to the schema's minimum/maximum), enums get
 * the category, text fields the explanation. Fields no text feature can answer say so.
 */
type Schema = {
  type?: string | string[]
  properties?: Record<string, Schema>
  enum?: unknown[]
  minimum?: number
  maximum?: number
  items?: Schema
  anyOf?: Schema[]
  oneOf?: Schema[]
}

const NUMERIC_KEYS: [RegExp, keyof JudgeScores][] = [
  [/relevan/, 'relevance'],
  [/correct|accura|factual/, 'correctness'],
  [/help/, 'helpfulness'],
  [/clar|readab/, 'clarity'],
  [/coheren/, 'coherence'],
  [/tox|harm|offens/, 'toxicity'],
  [/ground|faithful|support/, 'groundedness'],
  [/hallucinat/, 'hallucination'],
]
const TEXT_KEY = /reason|explan|rationale|justif|comment|feedback|analysis|summary/
const CATEGORY_KEY = /categor|label|class|topic|intent/
const NOT_AVAILABLE = 'Not available from the simulated provider: it has no language model to write this.'

/** Score names a judge prompt mentions, for json_object requests without a schema. */
export const DEFAULT_JUDGE_KEYS = ['relevance', 'correctness', 'helpfulness', 'clarity', 'toxicity'] as const

function scoreFor(key: string, scores: JudgeScores): number {
  const lower = key.toLowerCase()
  const hit = NUMERIC_KEYS.find(([re]) => re.test(lower))
  return hit ? (scores[hit[1]] as number) : scores.overall
}

function typeOf(schema: Schema): string | undefined {
  const t = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type
  if (t) return t
  if (schema.properties) return 'object'
  if (schema.enum) return 'enum'
  return undefined
}

function pickEnum(values: unknown[], scores: JudgeScores): unknown {
  const wanted = scores.category.replace('_', '')
  return (
    values.find(
      (v) =>
        String(v)
          .toLowerCase()
          .replace(/[_\s-]/g, '') === wanted,
    ) ?? values[0]
  )
}

function fill(schema: Schema, key: string, scores: JudgeScores): unknown {
  const variant = schema.anyOf?.[0] ?? schema.oneOf?.[0]
  if (variant) return fill(variant, key, scores)
  if (schema.enum?.length) return pickEnum(schema.enum, scores)
  const lower = key.toLowerCase()
  switch (typeOf(schema)) {
    case 'object': {
      const out: Record<string, unknown> = {}
      for (const [name, sub] of Object.entries(schema.properties ?? {})) out[name] = fill(sub, name, scores)
      return out
    }
    case 'number':
    case 'integer': {
      const min = schema.minimum ?? 0
      const max = schema.maximum ?? (min > 0 ? min + 4 : 1)
      const value = min + scoreFor(key, scores) * (max - min)
      return typeOf(schema) === 'integer' ? Math.round(value) : Math.round(value * 100) / 100
    }
    case 'boolean':
      return /hallucinat|tox|harm/.test(lower) ? scoreFor(key, scores) >= 0.5 : scores.overall >= 0.6
    case 'array':
      return []
    case 'string':
      if (CATEGORY_KEY.test(lower)) return scores.category
      return TEXT_KEY.test(lower) ? JUDGE_EXPLANATION : NOT_AVAILABLE
    default:
      return null
  }
}

export function judgeJson(scores: JudgeScores, schema: object | null, promptText: string): unknown {
  if (schema) return fill(schema as Schema, '', scores)
  const lower = promptText.toLowerCase()
  const mentioned = [...DEFAULT_JUDGE_KEYS, 'groundedness', 'hallucination', 'coherence'].filter((k) =>
    lower.includes(k),
  )
  const out: Record<string, unknown> = {}
  for (const k of mentioned.length ? mentioned : DEFAULT_JUDGE_KEYS) out[k] = scoreFor(k, scores)
  if (/categor/.test(lower)) out.category = scores.category
  out.reasoning = JUDGE_EXPLANATION
  return out
}
