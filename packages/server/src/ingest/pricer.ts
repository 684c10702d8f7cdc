import { computeCostUsd } from '../llm/pricing.js'
import { countTokens, textOf } from '../llm/tokens.js'
import type { PriceOverride } from '../model/index.js'
import type { UsagePricer } from './derive.js'

/** The ingest path's view of the price table and tokenizer, with a project's overrides applied. */
export function createPricer(overrides: readonly PriceOverride[] = []): UsagePricer {
  return {
    costUsd: (model, usage) => computeCostUsd(model, usage, overrides),
    countTokens: (json, model) => countTokens(textOf(JSON.parse(json)), model ?? undefined),
  }
}
