import type { Rule } from '../types.js'
import { cheaperModel } from './cost.js'
import { lowQuality } from './quality.js'
import { slowResponses } from './speed.js'
import { errorSpike, longHistories, repeatedQuestions } from './traffic.js'

/** Every rule the recommender runs, in order. */
export const RULES: readonly Rule[] = [
  lowQuality,
  slowResponses,
  errorSpike,
  cheaperModel,
  longHistories,
  repeatedQuestions,
]

export { CATEGORY_INSTRUCTIONS, GENERAL_INSTRUCTION } from './quality.js'
