export {
  assignVariant,
  BUCKET_COUNT,
  type BucketRange,
  bucketOf,
  bucketRanges,
  type ExperimentAssignmentSpec,
  fmix32,
  fnv1a32,
  type VariantWeight,
} from './assignment.js'
export type { Comparison, Method, SequentialComparison } from './compare.js'
export { type Assignment, assignUnit, type ExperimentView, experimentView } from './definition.js'
export { formatLift, formatNumber, formatP, pClause } from './format.js'
export {
  BUILTIN_METRICS,
  DEFAULT_GUARDRAILS,
  DEFAULT_PRIMARY_METRIC,
  type Direction,
  LOWER_IS_BETTER_SCORES,
  type MetricDefinition,
  parseMetricId,
  scoreMetricId,
} from './metrics.js'
export type { Decision, MetricChange, Recommendation } from './recommend.js'
export {
  type ArmView,
  analyzeExperiment,
  type ExperimentResults,
  experimentResults,
  type MetricResult,
  type VariantExposure,
} from './results.js'
export { resultsText, table } from './results-text.js'
export * from './schemas.js'
export {
  createExperiment,
  removeExperiment,
  requireExperiment,
  startExperiment,
  stopExperiment,
} from './service.js'
export { updateExperiment } from './update.js'
