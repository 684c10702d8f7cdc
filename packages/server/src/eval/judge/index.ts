export { BACKOFF_BASE_MS, BACKOFF_MAX_MS, backoffMs } from './backoff.js'
export {
  CategoryOutput,
  categoryJudge,
  DEFAULT_CATEGORY_TEMPLATE,
  QUERY_CATEGORIES,
  QueryCategory,
} from './category.js'
export { type JudgeDefinition, jsonSchemaOf } from './definition.js'
export { type Extracted, extractJson } from './extract-json.js'
export {
  DEFAULT_GROUNDEDNESS_TEMPLATE,
  GroundednessOutput,
  groundednessJudge,
  NO_CONTEXT_REASON,
} from './groundedness.js'
export {
  createJudgeEvaluator,
  JUDGES,
  type JudgeEvaluator,
  type JudgeKind,
  versionFor,
} from './judge-evaluator.js'
export { type StructuredOutput, systemMessage } from './messages.js'
export {
  JudgeFailure,
  type JudgeFailureKind,
  type JudgeFailureResult,
  type JudgeResult,
  type JudgeSuccess,
  type JudgeUsage,
} from './result.js'
export { DEFAULT_RUBRIC_TEMPLATE, overallOf, RUBRIC_METRICS, RubricOutput, rubricJudge } from './rubric.js'
export {
  JUDGE_DEADLINE_MS,
  JUDGE_MAX_ATTEMPTS,
  JUDGE_MAX_OUTPUT_TOKENS,
  type JudgeOptions,
  runJudge,
} from './run-judge.js'
export {
  checkTemplate,
  JUDGE_PLACEHOLDERS,
  type JudgePlaceholder,
  JudgeTemplateError,
  renderTemplate,
} from './template.js'
