export {
  Assertion,
  type AssertionResult,
  allPassed,
  assertionName,
  runAssertion,
  runAssertions,
} from './assertions/index.js'
export {
  compareRuns,
  type ItemComparison,
  type MetricComparison,
  type RunComparison,
} from './compare/compare.js'
export { type GateResult, gateAgainstBaseline, gateOnAssertions } from './compare/gate.js'
export { type ItemOutcome, itemOutcomes } from './compare/outcomes.js'
export { parseCsv } from './csv.js'
export { parseItemsFile } from './files.js'
export { type FromTracesResult, itemsFromTraces } from './from-traces.js'
export { checkRegression, RegressionBody, type RegressionReport } from './regression.js'
export { reportJunit } from './report/junit.js'
export { reportText } from './report/text.js'
export {
  configKey,
  describeConfig,
  PromptRef,
  parsePromptRef,
  type ResolvedConfig,
  RunConfig,
  resolveConfig,
} from './run/config.js'
export { RUN_EVALUATORS, type RunEvaluator } from './run/evaluate.js'
export { EVAL_ENVIRONMENT, RunBody } from './run/schemas.js'
export { type RunDeps, type RunHooks, type StartedRun, startRun } from './run/start.js'
export { type RunSummary, summarizeRun } from './run/summary.js'
export * from './schemas.js'
export { changeItems, createDataset, datasetItems, type ItemChange, requireDataset } from './service.js'
