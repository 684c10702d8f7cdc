export {
  type ChatbotOptions,
  DEFAULT_SYSTEM_PROMPT,
  FALLBACK_ANSWER,
  HISTORY_MESSAGES,
  SupportChatbot,
  type TurnInput,
  type TurnResult,
} from './chatbot.js'
export { type Clock, realClock, VirtualClock } from './clock.js'
export { runTraffic, type TrafficOptions, type TrafficSummary } from './traffic.js'
export { withVirtualLatency } from './virtual-latency.js'
