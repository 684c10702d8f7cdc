export { diffVersions, type FieldChange, type MessageDiff, type PromptDiff } from './diff.js'
export { invalid, notFound, ServiceError, type ServiceErrorKind } from './errors.js'
export { type InvokeDeps, type InvokeResult, invokePrompt } from './invoke.js'
export {
  createPromptVersion,
  labelsOf,
  listVersions,
  movePromptLabel,
  type PromptVersionView,
  requirePrompt,
  resolvePromptVersion,
} from './registry.js'
export { type RenderedPrompt, renderPrompt, renderVersion } from './render.js'
export * from './schemas.js'
export { type Rendered, renderMessages, variablesOf } from './template.js'
