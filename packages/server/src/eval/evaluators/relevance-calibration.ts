/**
 * Mapping from the raw similarity (see relevanceSignals) to the 0..1 relevance score:
 *
 *   score = 1 / (1 + exp(-(slope * raw + intercept)))
 *
 * fitted as a class-balanced, L2-regularised logistic regression of the `relevant` label on the raw
 * similarity over the development pairs of fixtures/labelled.json (101 pairs, empty corpus) by
 * `node --import tsx bench/eval/calibrate-relevance.ts`; rerun it and paste its output here after
 * changing the similarity. With the values below:
 *
 *   raw 0.00 → 0.11   (no shared content term)
 *   raw 0.27 → 0.50   (decision point)
 *   raw 0.40 → 0.73
 *   raw 0.50 → 0.85
 *   raw 0.70 → 0.96
 *
 * The score reads as "how likely a support lead would call this answer on-topic". The mapping is
 * monotone, so it changes accuracy at a threshold but never the ranking (AUC).
 */
export type RelevanceCalibration = { slope: number; intercept: number }

export const RELEVANCE_CALIBRATION: RelevanceCalibration = { slope: 7.781, intercept: -2.123 }
