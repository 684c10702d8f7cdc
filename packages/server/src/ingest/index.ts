export type { Written } from './apply.js'
export type { UsageFigures, UsagePricer } from './derive.js'
export { type IngestContext, type IngestHooks, ingestBatch, noHooks } from './service.js'
