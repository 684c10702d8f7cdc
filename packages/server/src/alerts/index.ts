export { createDefaultAlertRules, DEFAULT_RULES, ensureDefaultAlertRules } from './defaults.js'
export {
  type CheckOptions,
  type CheckResult,
  checkAllProjects,
  checkProject,
  type RuleCheck,
} from './engine.js'
export { type Evaluation, evaluateRule } from './evaluate.js'
export { AlertChannelBody, AlertRuleBody, toDefinition } from './model.js'
export { deliverEvent } from './notify/deliver.js'
export { alertText, genericBody, slackBody } from './notify/payload.js'
export { postJson } from './notify/webhook.js'
export { ALERT_CHECK_INTERVAL_MS, monitoringTasks, ROLLUP_INTERVAL_MS } from './tasks.js'
export { WINDOW_METRICS } from './vocabulary.js'
