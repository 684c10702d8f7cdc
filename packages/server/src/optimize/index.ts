export { OPTIMIZER } from './actions.js'
export { type ApplyOptions, type ApplyResult, applyRecommendation, experimentKeyFor } from './apply.js'
export { type CycleCheck, type CycleOptions, PRODUCTION_LABEL, runCycle } from './cycle.js'
export { type Evidence, gatherEvidence } from './evidence.js'
export { LlmAdvice, type LlmResult, llmRecommendations } from './llm.js'
export {
  type GenerateOptions,
  type GenerateResult,
  generateRecommendations,
  SNOOZE_MS,
} from './recommender.js'
export { revertAction } from './revert.js'
export { CATEGORY_INSTRUCTIONS, GENERAL_INSTRUCTION, RULES } from './rules/index.js'
export * from './schemas.js'
export { setRecommendationStatus } from './status.js'
export { optimizeIntervalMs, optimizeTasks } from './tasks.js'
export type { Finding, Proposal, Rule } from './types.js'
