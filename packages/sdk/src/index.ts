export type { Assignment, VariantConfig } from './assign.js'
export { Chatlens } from './client.js'
export type { ChatlensOptions } from './config.js'
export type { AssignOptions } from './experiments.js'
export type { Exporter, ExportResult } from './exporter.js'
export { HttpExporter, type HttpExporterOptions } from './http-exporter.js'
export { InMemoryExporter } from './in-memory-exporter.js'
export type { WrapOpenAIOptions } from './openai/wrap.js'
export type {
  Prompt,
  PromptFallback,
  PromptGetOptions,
  PromptMessage,
  Prompts,
  PromptVariables,
} from './prompts.js'
export { ChatlensError, type ChatlensErrorCode, type OnError } from './report.js'
export type { TraceableOptions } from './tracer.js'
export type {
  ChatlensStats,
  ConversationStage,
  EndConversationInput,
  EventType,
  FeedbackInput,
  IngestEvent,
  Metadata,
  ScoreInput,
  SpanHandle,
  SpanKind,
  SpanOptions,
  SpanUpdate,
  TraceHandle,
  TraceOptions,
  TraceUpdate,
  Usage,
} from './types.js'
export { uuidv7 } from './uuid.js'
