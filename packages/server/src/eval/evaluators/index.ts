import type { EvalInput, EvalScore, HeuristicEvaluator } from '../evaluator.js'
import { coherenceEvaluator } from './coherence.js'
import { lengthEvaluator } from './length.js'
import { piiLeakEvaluator } from './pii-leak.js'
import { combineQuality, type QualityOptions } from './quality.js'
import { refusalEvaluator } from './refusal.js'
import { relevanceEvaluator } from './relevance.js'
import { sentimentEvaluator } from './sentiment.js'
import { supportSignalsEvaluator } from './support-signals.js'
import { toxicityEvaluator } from './toxicity.js'

/** The component heuristics, in the order their scores are returned. */
export const componentEvaluators: readonly HeuristicEvaluator[] = [
  relevanceEvaluator,
  coherenceEvaluator,
  toxicityEvaluator,
  sentimentEvaluator,
  supportSignalsEvaluator,
  piiLeakEvaluator,
  refusalEvaluator,
  lengthEvaluator,
]

export const createQualityEvaluator = (options: QualityOptions = {}): HeuristicEvaluator => ({
  name: 'quality',
  version: '1.0.0',
  kind: 'heuristic',
  needs: ['query', 'response', 'context', 'history'],
  evaluate: function quality(input: EvalInput): EvalScore[] {
    return combineQuality(
      componentEvaluators.flatMap((e) => e.evaluate(input)),
      input,
      options,
    )
  },
})

export const qualityEvaluator = createQualityEvaluator()

/** Every heuristic evaluator. Running them one by one computes the components twice; use runHeuristics. */
export const heuristicEvaluators: readonly HeuristicEvaluator[] = [...componentEvaluators, qualityEvaluator]

/** All heuristic scores for one turn: the components, then `quality` and `quality_level` built from them. */
export function runHeuristics(input: EvalInput, options: QualityOptions = {}): EvalScore[] {
  const scores = componentEvaluators.flatMap((e) => e.evaluate(input))
  return [...scores, ...combineQuality(scores, input, options)]
}

export type { QualityCap, QualityLevel, QualityOptions } from './quality.js'
export {
  combineQuality,
  DEFAULT_QUALITY_CAPS,
  DEFAULT_QUALITY_WEIGHTS,
  QUALITY_LEVELS,
  qualityLevel,
} from './quality.js'
