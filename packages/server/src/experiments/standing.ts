import type { ExperimentSettings } from '../store/index.js'
import type { Comparison } from './compare.js'
import { formatLift, pClause } from './format.js'
import type { MetricChange, MetricOutcome, RecommendInput } from './recommend.js'

/** Where a variant stands against the control, before the decision across variants. */
export type Status = 'better' | 'ahead_early' | 'worse' | 'harmful' | 'same' | 'undecided'

export const change = (m: MetricOutcome, c: Comparison): MetricChange => ({
  variant: c.variant,
  metric: m.id,
  label: m.label,
  relativeLift: c.relativeLift?.estimate ?? null,
  difference: c.difference,
})
export const liftOf = (c: Comparison) => formatLift(c.relativeLift?.estimate ?? null, c.difference)
export const intervalOf = (c: Comparison, sequential: boolean) => {
  const ci = sequential ? c.sequential?.ciRelative : c.relativeLift?.ci
  return ci
    ? ` (${sequential ? 'always-valid ' : ''}CI ${formatLift(ci.lower, null)} to ${formatLift(ci.upper, null)})`
    : ''
}
/** "adjusted p < 0.001", always-valid when the experiment is sequential. */
export const pOf = (c: Comparison, sequential: boolean) =>
  `adjusted ${pClause(sequential ? (c.sequential?.pValueAdjusted ?? null) : c.pValueAdjusted)}`

/**
 * Each variant's standing on the primary metric, given the guardrails: harmful (a guardrail
 * significantly worse), better, worse, ahead but before the planned sample (fixed horizon),
 * equivalent, or undecided; with a reason for each and the sample the undecided ones need.
 */
export function standings(primary: MetricOutcome, guardrails: MetricOutcome[], input: RecommendInput) {
  const { settings, control } = input
  const units = new Map(input.variants.map((v) => [v.key, v]))
  const sequential = settings.sequential
  const reasons: string[] = []
  const breaches: MetricChange[] = []
  const statuses = new Map<string, Status>()
  const needs: { perArm: number; variant: string }[] = []

  for (const c of primary.comparisons) {
    const v = c.variant
    // A variant switched off (weight 0) that never got traffic has nothing to decide.
    if (units.get(v)?.weight === 0 && !units.get(v)?.units) continue
    const broken = guardrails.flatMap((g) => {
      const gc = g.comparisons.find((x) => x.variant === v)
      return gc?.verdict === 'worse' ? [change(g, gc)] : []
    })
    breaches.push(...broken)
    const armUnits = Math.min(units.get(v)?.units ?? 0, units.get(control)?.units ?? 0)
    const planned = c.unitsNeededPerArm
    let status: Status
    if (broken.length) {
      status = 'harmful'
      reasons.push(
        `${v}: breaks ${broken.map((b) => `${b.label} (${formatLift(b.relativeLift, b.difference)})`).join(', ')}`,
      )
    } else if (c.verdict === 'insufficient_data') {
      status = 'undecided'
      reasons.push(`${v}: not enough data on ${primary.label} yet`)
    } else if (c.verdict === 'better' && !sequential && planned !== null && armUnits < planned) {
      status = 'ahead_early'
      reasons.push(
        `${v}: ahead on ${primary.label} (${liftOf(c)}, ${pOf(c, false)}) but the planned ${planned} units per arm are not reached; a fixed-horizon test read early overstates such leads (turn on sequential testing to stop early validly)`,
      )
    } else if (c.verdict === 'better' || c.verdict === 'worse') {
      status = c.verdict
      reasons.push(`${v}: ${primary.label} ${liftOf(c)}${intervalOf(c, sequential)}, ${pOf(c, sequential)}`)
    } else if (equivalent(c, settings) || (!sequential && planned !== null && armUnits >= planned)) {
      status = 'same'
      reasons.push(
        `${v}: ${primary.label} ${liftOf(c)}${intervalOf(c, sequential)}, no change of ${Math.round(settings.minimumEffect * 100)} % or more`,
      )
    } else {
      status = 'undecided'
      reasons.push(`${v}: ${primary.label} ${liftOf(c)}${intervalOf(c, sequential)}, not conclusive yet`)
    }
    statuses.set(v, status)
    if ((status === 'undecided' || status === 'ahead_early') && planned !== null)
      needs.push({ perArm: planned, variant: v })
  }

  return { reasons, breaches, statuses, needs }
}

/** Interval of the relative lift entirely inside ±minimumEffect: the arms are equivalent. */
function equivalent(c: Comparison, s: ExperimentSettings): boolean {
  const ci = s.sequential ? c.sequential?.ciRelative : c.relativeLift?.ci
  return !!ci && ci.lower > -s.minimumEffect && ci.upper < s.minimumEffect
}
