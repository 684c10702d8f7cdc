import type { PriceOverride } from '../model/project.js'
import { type CompiledEntry, compileTable, type ModelPrice } from './price-table.js'

export type { ModelPrice } from './price-table.js'

/** Matches are cached per model string; past this many distinct strings the cache starts over. */
const MAX_CACHED_MODELS = 10_000
/** Dated suffixes a plain-name override ignores: -2024-08-06, -20241022, @20250219. */
const DATE_SUFFIX = /(?:[-@](?:\d{4}-\d{2}-\d{2}|\d{8}))$/

let compiled: CompiledEntry[] | undefined
const tableCache = new Map<string, ModelPrice | null>()

type CompiledOverrides = { matchers: ((model: string) => boolean)[]; prices: ModelPrice[] }
const overrideCache = new WeakMap<readonly PriceOverride[], CompiledOverrides>()

/** Every entry of the maintained table, in match order. */
export function priceTable(): readonly ModelPrice[] {
  compiled ??= compileTable()
  return compiled.map((e) => e.price)
}

/** Null when the pattern is usable, else why not (for validating project settings). */
export function validatePricePattern(pattern: string): string | null {
  if (!isRegexPattern(pattern)) return null
  try {
    new RegExp(pattern.slice(1, -1), 'i')
    return null
  } catch (err) {
    return `invalid regular expression: ${(err as Error).message}`
  }
}

const isRegexPattern = (pattern: string) =>
  pattern.length > 2 && pattern.startsWith('/') && pattern.endsWith('/')

/** `openai/gpt-4o-2024-08-06` → `gpt-4o`: what a plain-name override is compared with. */
function baseName(model: string): string {
  return model.slice(model.lastIndexOf('/') + 1).replace(DATE_SUFFIX, '')
}

function compileOverrides(overrides: readonly PriceOverride[]): CompiledOverrides {
  const hit = overrideCache.get(overrides)
  if (hit) return hit
  const matchers: CompiledOverrides['matchers'] = []
  const prices: ModelPrice[] = []
  for (const o of overrides) {
    let matcher: (model: string) => boolean
    if (isRegexPattern(o.pattern)) {
      // An invalid pattern must not break ingestion: it simply matches nothing.
      if (validatePricePattern(o.pattern) !== null) continue
      const regex = new RegExp(o.pattern.slice(1, -1), 'i')
      matcher = (model) => regex.test(model)
    } else {
      const name = o.pattern.toLowerCase()
      matcher = (model) => model === name || baseName(model) === name
    }
    const price: ModelPrice = {
      name: o.pattern,
      provider: 'project-override',
      inputPerToken: o.inputPerToken,
      outputPerToken: o.outputPerToken,
      source: 'project settings',
      updated: '',
    }
    if (o.cachedInputPerToken !== undefined) price.cachedInputPerToken = o.cachedInputPerToken
    if (o.reasoningPerToken !== undefined) price.reasoningPerToken = o.reasoningPerToken
    matchers.push(matcher)
    prices.push(price)
  }
  const result = { matchers, prices }
  overrideCache.set(overrides, result)
  return result
}

function findInTable(model: string): ModelPrice | undefined {
  const cached = tableCache.get(model)
  if (cached !== undefined) return cached ?? undefined
  compiled ??= compileTable()
  const found = compiled.find((e) => e.regex.test(model))?.price
  if (tableCache.size >= MAX_CACHED_MODELS) tableCache.clear()
  tableCache.set(model, found ?? null)
  return found
}

/**
 * The price of a model: the project's overrides first (in their order), then the maintained
 * table. Matching is case-insensitive and tolerates provider prefixes and dated suffixes.
 * @example findPrice('openai/gpt-4o-2024-08-06')?.name // 'gpt-4o'
 */
export function findPrice(model: string, overrides?: readonly PriceOverride[]): ModelPrice | undefined {
  const key = model.trim().toLowerCase()
  if (!key) return undefined
  if (overrides?.length) {
    const { matchers, prices } = compileOverrides(overrides)
    const i = matchers.findIndex((m) => m(key))
    if (i >= 0) return prices[i]
  }
  return findInTable(key)
}

/** Token counts as they arrive from a caller; missing counts are null or undefined. */
export type CostUsage = {
  /** All input tokens, cached ones included (OpenAI's prompt_tokens). */
  inputTokens?: number | null
  /** All output tokens, reasoning ones included (OpenAI's completion_tokens). */
  outputTokens?: number | null
  cachedInputTokens?: number | null
  reasoningTokens?: number | null
}

const count = (n: number | null | undefined) => (typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : 0)

/**
 * Cost in USD of one call, or null when the model has no price or no token count is known.
 *
 * Conventions (OpenAI's): inputTokens includes cachedInputTokens, which bill at the cached price;
 * outputTokens includes reasoningTokens, which bill at the reasoning price (the output price when
 * the table has none) and are never counted twice. A reasoning count larger than the output count
 * can only mean the caller's output excluded it, so then both are billed.
 * @example computeCostUsd('gpt-4o-mini', { inputTokens: 1000, outputTokens: 200 }) // 0.00027
 */
export function computeCostUsd(
  model: string | null | undefined,
  usage: CostUsage,
  overrides?: readonly PriceOverride[],
): number | null {
  if (!model) return null
  if (usage.inputTokens == null && usage.outputTokens == null) return null
  const price = findPrice(model, overrides)
  if (!price) return null
  const input = count(usage.inputTokens)
  const cached = Math.min(input, count(usage.cachedInputTokens))
  const output = count(usage.outputTokens)
  const reasoning = count(usage.reasoningTokens)
  const visibleOutput = reasoning > output ? output : output - reasoning
  return (
    (input - cached) * price.inputPerToken +
    cached * (price.cachedInputPerToken ?? price.inputPerToken) +
    visibleOutput * price.outputPerToken +
    reasoning * (price.reasoningPerToken ?? price.outputPerToken)
  )
}
