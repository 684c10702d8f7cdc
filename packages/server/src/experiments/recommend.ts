import type { ExperimentSettings } from '../store/index.js'
import type { Comparison } from './compare.js'
import { formatLift, pClause } from './format.js'
import type { MetricDefinition } from './metrics.js'
import { change, intervalOf, liftOf, pOf, standings } from './standing.js'
import type { SrmResult } from './stats/index.js'

export type Decision = 'ship' | 'keep_control' | 'keep_running' | 'no_difference' | 'investigate'

export type MetricChange = {
  variant: string
  metric: string
  label: string
  relativeLift: number | null
  difference: number | null
}

export type Recommendation = {
  decision: Decision
  /** The variant to ship (decision "ship"). */
  winner: string | null
  /** One sentence to show first. */
  summary: string
  /** Why, one line per variant and check. */
  reasons: string[]
  /** Guardrail metrics a variant made significantly worse: such a variant is never shipped. */
  guardrailBreaches: MetricChange[]
  /** Other metrics the winner changed significantly, good or bad, to weigh before shipping. */
  tradeOffs: (MetricChange & { verdict: 'better' | 'worse' })[]
  /** For "keep_running": assignment units per arm the primary metric needs, and how many more to assign in all. */
  unitsNeeded: { perArm: number; more: number } | null
}

export type MetricOutcome = MetricDefinition & {
  role: 'primary' | 'guardrail' | 'secondary'
  comparisons: Comparison[]
}

export type RecommendInput = {
  control: string
  variants: { key: string; weight: number; units: number }[]
  settings: ExperimentSettings
  srm: SrmResult | null
  metrics: MetricOutcome[]
}

/**
 * Turns the comparisons into one of five decisions. A sample-ratio mismatch voids everything. A
 * variant that breaks a guardrail is never shipped. The primary metric decides between better,
 * worse, equivalent (its interval inside ±minimumEffect) and undecided; on a fixed-horizon
 * experiment a lead counts only once the planned sample is reached, since stopping at the first
 * significant look inflates false positives (sequential experiments may stop at any look).
 */
export function recommend(input: RecommendInput): Recommendation {
  const { settings, control } = input
  const base = {
    winner: null,
    reasons: [] as string[],
    guardrailBreaches: [],
    tradeOffs: [],
    unitsNeeded: null,
  }
  if (input.srm?.mismatch) {
    const observed = input.variants.map((v) => `${v.key} ${v.units}`).join(', ')
    return {
      ...base,
      decision: 'investigate',
      summary: `Investigate before reading any result: the split of units (${observed}) does not match the weights (sample-ratio mismatch, ${pClause(input.srm.pValue)}).`,
    }
  }
  const primary = input.metrics.find((m) => m.role === 'primary')!
  const guardrails = input.metrics.filter((m) => m.role === 'guardrail')
  const sequential = settings.sequential
  const { reasons, breaches, statuses, needs } = standings(primary, guardrails, input)
  const all = [...statuses.values()]
  const better = primary.comparisons.filter((c) => statuses.get(c.variant) === 'better')
  if (better.length) {
    const sign = primary.direction === 'higher' ? 1 : -1
    const best = better.reduce((x, y) => (sign * (y.difference ?? 0) > sign * (x.difference ?? 0) ? y : x))
    const tradeOffs = input.metrics
      .filter((m) => m.role !== 'primary')
      .flatMap((m) => {
        const c = m.comparisons.find((x) => x.variant === best.variant)
        return c && (c.verdict === 'better' || c.verdict === 'worse')
          ? [{ ...change(m, c), verdict: c.verdict }]
          : []
      })
    const weigh = tradeOffs.filter((t) => t.verdict === 'worse')
    return {
      ...base,
      decision: 'ship',
      winner: best.variant,
      summary:
        `Ship ${best.variant}: ${primary.label} ${liftOf(best)}${intervalOf(best, sequential)}, ${pOf(best, sequential)}, no guardrail broken.` +
        (weigh.length
          ? ` Weigh the cost: ${weigh.map((t) => `${t.label} ${formatLift(t.relativeLift, t.difference)}`).join(', ')}.`
          : ''),
      reasons,
      guardrailBreaches: breaches,
      tradeOffs,
    }
  }
  if (all.length && all.every((s) => s === 'worse' || s === 'harmful')) {
    return {
      ...base,
      decision: 'keep_control',
      summary: `Keep ${control}: no variant does better, and ${reasons.join('; ')}.`,
      reasons,
      guardrailBreaches: breaches,
    }
  }
  if (!all.length || all.some((s) => s === 'undecided' || s === 'ahead_early')) {
    const unitsNeeded = moreUnits(needs, input)
    const more = unitsNeeded
      ? ` About ${unitsNeeded.more} more units are needed (${unitsNeeded.perArm} per arm) to detect a ${Math.round(settings.minimumEffect * 100)} % change in ${primary.label}.`
      : ''
    return {
      ...base,
      decision: 'keep_running',
      summary: `Keep running: the result is not conclusive yet.${more}`,
      reasons,
      guardrailBreaches: breaches,
      unitsNeeded,
    }
  }
  if (all.some((s) => s === 'worse' || s === 'harmful')) {
    return {
      ...base,
      decision: 'keep_control',
      summary: `Keep ${control}: no variant does better (${reasons.join('; ')}).`,
      reasons,
      guardrailBreaches: breaches,
    }
  }
  return {
    ...base,
    decision: 'no_difference',
    summary: `No meaningful difference: every variant is within ±${Math.round(settings.minimumEffect * 100)} % of ${control} on ${primary.label}; keep ${control} or choose on other grounds.`,
    reasons,
    guardrailBreaches: breaches,
  }
}

/** Total units to assign, at the current weights, until every undecided arm has what it needs. */
function moreUnits(needs: { perArm: number; variant: string }[], input: RecommendInput) {
  if (!needs.length) return null
  const totalWeight = input.variants.reduce((s, v) => s + v.weight, 0)
  const current = input.variants.reduce((s, v) => s + v.units, 0)
  const weightOf = (k: string) => input.variants.find((v) => v.key === k)?.weight ?? 0
  let total = 0
  let perArm = 0
  for (const n of needs) {
    const smaller = Math.min(weightOf(n.variant), weightOf(input.control))
    if (smaller > 0) total = Math.max(total, Math.ceil((n.perArm * totalWeight) / smaller))
    perArm = Math.max(perArm, n.perArm)
  }
  return { perArm, more: Math.max(0, total - current) }
}
