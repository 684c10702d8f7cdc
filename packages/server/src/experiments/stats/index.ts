export { chiSquareCdf, chiSquareSf } from './chi-square.js'
export { type Interval, type RelativeLift, relativeLift } from './interval.js'
export { benjaminiHochbergAdjust, holmAdjust } from './multiple-testing.js'
export { noncentralTCdf } from './noncentral-t.js'
export { normalCdf, normalPdf, normalQuantile, normalSf } from './normal.js'
export * from './paired.js'
export {
  DEFAULT_POWER,
  effectiveSampleSize,
  type MeansPowerInput,
  minimumDetectableEffectForMeans,
  powerForMeans,
  sampleSizeForMeans,
} from './power-means.js'
export {
  type DetectableRate,
  minimumDetectableEffectForProportions,
  type ProportionsPowerInput,
  powerForProportions,
  sampleSizeForProportions,
} from './power-proportions.js'
export { type SequentialPowerInput, sampleSizeForSequential } from './power-sequential.js'
export {
  type Counts,
  type ProportionInterval,
  type ProportionResult,
  twoProportionTest,
} from './proportions.js'
export {
  accumulateSequential,
  DEFAULT_MIXING_SD_IN_SDS,
  type SequentialOptions,
  type SequentialResult,
  sequentialTest,
} from './sequential.js'
export { SRM_P_VALUE_THRESHOLD, type SrmResult, sampleRatioMismatch } from './srm.js'
export { studentTCdf, studentTPdf, studentTQuantile, studentTSf } from './student-t.js'
export {
  EMPTY_SUMMARY,
  mergeSummaries,
  type Summary,
  summarize,
  summaryFromCounts,
  summaryFromSums,
} from './summary.js'
export { DEFAULT_ALPHA, type WelchResult, welchTest } from './welch.js'
