export {
  type ChatbotOptions,
  DEFAULT_SYSTEM_PROMPT,
  FALLBACK_ANSWER,
  HISTORY_MESSAGES,
  SupportChatbot,
  type SystemPrompt,
  type TurnInput,
  type TurnResult,
} from './chatbot.js'
export { type Clock, realClock, VirtualClock } from './clock.js'
export {
  type Api,
  DEMO_EXPERIMENT,
  DEMO_PROMPT,
  DEMO_STORE,
  EMPATHETIC_PROMPT,
  ensureDemoExperiment,
  registrySystemPrompt,
  STANDARD_PROMPT,
} from './registry.js'
export { runTraffic, type TrafficOptions, type TrafficSummary } from './traffic.js'
export { withVirtualLatency } from './virtual-latency.js'
