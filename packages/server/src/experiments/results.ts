import { notFound } from '../prompts/index.js'
import {
  type ExperimentAggregates,
  experimentAggregates,
  getExperiment,
  type Queryable,
  type StoredExperiment,
} from '../store/index.js'
import type { Arm } from './arm.js'
import { compareVariants } from './comparisons.js'
import { metricArms } from './metric-arms.js'
import { type MetricOutcome, type Recommendation, recommend } from './recommend.js'
import { type SrmResult, sampleRatioMismatch } from './stats/index.js'

export type VariantExposure = {
  key: string
  name: string | null
  weight: number
  /** Share of units the weights ask for, and the share received. */
  expectedShare: number
  share: number | null
  units: number
  traces: number
  sessions: number
}

export type ArmView = {
  variant: string
  units: number
  observations: number
  mean: number | null
  /** Standard error of the mean (delta method over units when units have several observations). */
  standardError: number | null
  clustered: boolean
}

export type MetricResult = MetricOutcome & { arms: ArmView[] }

export type ExperimentResults = {
  experiment: StoredExperiment
  computedAt: number
  mode: 'fixed-horizon' | 'sequential'
  /** Traces received from this time on count (set when the experiment was re-randomised). */
  receivedFrom: number | null
  variants: VariantExposure[]
  srm: (SrmResult & { observed: number[]; threshold: number }) | null
  checks: {
    crossoverUnits: number
    unknownVariants: { variant: string; traces: number }[]
    warnings: string[]
  }
  metrics: MetricResult[]
  recommendation: Recommendation
}

const SRM_THRESHOLD = 0.001

/**
 * Results of an experiment from SQL aggregates (per-variant sums and sums of squares over units):
 * exposure and sample-ratio check, every metric per variant, each variant against the control
 * with fixed-horizon (and, when enabled, always-valid) tests, a correction across metrics, power
 * and sample still needed, and the recommendation.
 */
export async function experimentResults(
  db: Queryable,
  projectId: string,
  key: string,
  now = Date.now(),
): Promise<ExperimentResults> {
  const experiment = await getExperiment(db, projectId, key)
  if (!experiment) throw notFound('experiment', key)
  const agg = await experimentAggregates(db, projectId, {
    key,
    unit: experiment.unit,
    receivedFrom: experiment.randomizedAt,
  })
  return analyzeExperiment(experiment, agg, now)
}

/** The statistics and the recommendation from an experiment's aggregates (no database). */
export function analyzeExperiment(
  experiment: StoredExperiment,
  agg: ExperimentAggregates,
  now = Date.now(),
): ExperimentResults {
  const { settings, control } = experiment
  const known = new Set(experiment.variants.map((v) => v.key))
  const totalWeight = experiment.variants.reduce((s, v) => s + v.weight, 0)
  const exposureOf = (k: string) => agg.exposure.find((e) => e.variant === k)
  const totalUnits = experiment.variants.reduce((s, v) => s + (exposureOf(v.key)?.units ?? 0), 0)
  const variants: VariantExposure[] = experiment.variants.map((v) => ({
    key: v.key,
    name: v.name,
    weight: v.weight,
    expectedShare: v.weight / totalWeight,
    share: totalUnits ? (exposureOf(v.key)?.units ?? 0) / totalUnits : null,
    units: exposureOf(v.key)?.units ?? 0,
    traces: exposureOf(v.key)?.traces ?? 0,
    sessions: exposureOf(v.key)?.sessions ?? 0,
  }))
  const observed = variants.map((v) => v.units)
  const srm =
    totalUnits > 0
      ? {
          ...sampleRatioMismatch(
            observed,
            variants.map((v) => v.weight),
            { threshold: SRM_THRESHOLD },
          ),
          observed,
          threshold: SRM_THRESHOLD,
        }
      : null

  const arms = metricArms(experiment, agg)
  const comparisons = compareVariants(experiment, arms, observed)
  const metrics: MetricResult[] = arms.map(({ d, role, arms: perVariant }, k) => ({
    ...d,
    role,
    arms: experiment.variants.map((v, i) => armView(v.key, perVariant[i]!)),
    comparisons: comparisons[k]!,
  }))

  const warnings: string[] = []
  const unknownVariants = agg.exposure
    .filter((e) => !known.has(e.variant))
    .map((e) => ({ variant: e.variant, traces: e.traces }))
  if (unknownVariants.length)
    warnings.push(
      `traces name variants this experiment does not have: ${unknownVariants.map((u) => u.variant).join(', ')}`,
    )
  if (agg.crossoverUnits > 0)
    warnings.push(`${agg.crossoverUnits} units were seen in more than one variant; their data counts in each`)
  if (!metrics.find((m) => m.role === 'primary')?.arms.some((a) => a.observations > 0) && totalUnits > 0)
    warnings.push(`the primary metric ${experiment.primaryMetric} has no data yet`)

  return {
    experiment,
    computedAt: now,
    mode: settings.sequential ? 'sequential' : 'fixed-horizon',
    receivedFrom: experiment.randomizedAt,
    variants,
    srm,
    checks: { crossoverUnits: agg.crossoverUnits, unknownVariants, warnings },
    metrics,
    recommendation: recommend({ control, variants, settings, srm, metrics }),
  }
}

function armView(variant: string, a: Arm | null): ArmView {
  if (!a) return { variant, units: 0, observations: 0, mean: null, standardError: null, clustered: false }
  return {
    variant,
    units: a.units,
    observations: a.observations,
    mean: a.mean,
    standardError: a.summary.n > 1 ? Math.sqrt(a.summary.variance / a.summary.n) : null,
    clustered: a.clustered,
  }
}
