import { computeCostUsd } from '../llm/pricing.js'
import { countMessageTokens } from '../llm/tokens.js'
import type { PriceOverride } from '../model/index.js'
import type { UsagePricer } from './derive.js'

/** The ingest path's view of the price table and tokenizer, with a project's overrides applied. */
export function createPricer(overrides: readonly PriceOverride[] = []): UsagePricer {
  return {
    costUsd: (model, usage) => computeCostUsd(model, usage, overrides),
    // Chat message arrays count as OpenAI bills them (message framing included); anything else by its text.
    countTokens: (json, model) => countMessageTokens(JSON.parse(json), model),
  }
}
