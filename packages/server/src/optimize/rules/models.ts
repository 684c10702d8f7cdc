import type { Metrics } from '../../analytics/index.js'
import { findPrice, type ModelPrice, priceTable } from '../../llm/index.js'

/** An alternative must cost at most this share of the current model for the same tokens. */
export const CHEAPER_MAX_RATIO = 0.7
/** Names of the small, fast tiers vendors sell. */
const FAST_TIER = /(mini|nano|flash|haiku|lite|small|instant)/i

export type TokenMix = { input: number; output: number }

/** The average tokens of one interaction of a model, from its metrics. */
export function tokenMix(m: Metrics): TokenMix | null {
  if (m.interactions === 0 || m.tokens.total === 0) return null
  return { input: m.tokens.input / m.interactions, output: m.tokens.output / m.interactions }
}

export const costOf = (p: ModelPrice, mix: TokenMix) =>
  p.inputPerToken * mix.input + p.outputPerToken * mix.output

export type Alternative = { model: string; price: ModelPrice; costPerInteraction: number; ratio: number }

/**
 * Models of the same vendor (in the maintained price table) that would cost at most
 * CHEAPER_MAX_RATIO of `model` for the same token mix, the dearest first: the closest in
 * capability among those worth switching to.
 */
export function cheaperAlternatives(
  model: string,
  mix: TokenMix,
  o: { fastOnly?: boolean } = {},
): Alternative[] {
  const current = findPrice(model)
  if (!current) return []
  const base = costOf(current, mix)
  if (!(base > 0)) return []
  return priceTable()
    .filter(
      (p) => p.provider === current.provider && p.name !== current.name && !p.name.startsWith('project'),
    )
    .filter((p) => !o.fastOnly || FAST_TIER.test(p.name))
    .map((p) => ({
      model: p.name,
      price: p,
      costPerInteraction: costOf(p, mix),
      ratio: costOf(p, mix) / base,
    }))
    .filter((a) => a.ratio <= CHEAPER_MAX_RATIO)
    .sort((a, b) => b.ratio - a.ratio)
}
