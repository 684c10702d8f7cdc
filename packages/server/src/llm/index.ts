import type { PriceOverride } from '../model/project.js'
import { type LlmConfig, llmConfigFromEnv } from './config.js'
import { createOpenAICompatibleProvider, type OpenAICompatibleOptions } from './openai-compatible.js'
import type { Provider } from './provider.js'
import { createSimulatedProvider, type SimulatedOptions } from './simulated.js'

export { LlmConfig, llmConfigFromEnv } from './config.js'
export {
  createOpenAICompatibleProvider,
  DEFAULT_TIMEOUT_MS,
  type OpenAICompatibleOptions,
} from './openai-compatible.js'
export {
  type CostUsage,
  computeCostUsd,
  findPrice,
  type ModelPrice,
  priceTable,
  validatePricePattern,
} from './pricing.js'
export {
  type ChatMessage,
  type ChatRequest,
  type ChatResult,
  type ChatUsage,
  type Provider,
  ProviderError,
  type ProviderErrorKind,
  RETRYABLE_KINDS,
  type ResponseFormat,
} from './provider.js'
export {
  createSimulatedProvider,
  DEFAULT_SIMULATED_MODEL,
  SIMULATED_MODELS,
  type SimulatedOptions,
} from './simulated.js'
export { countMessageTokens, countTokens, encodingFor, textOf, truncateToTokens } from './tokens.js'

/**
 * The provider a configuration asks for: openai-compatible when a base URL or an API key is set
 * (or CHATLENS_LLM_PROVIDER says so), the clearly labelled simulated provider otherwise.
 * @example const provider = createProvider() // reads CHATLENS_LLM_* / OPENAI_* from the environment
 */
export function createProvider(
  config: LlmConfig = llmConfigFromEnv(),
  extra: { priceOverrides?: readonly PriceOverride[] } = {},
): Provider {
  const kind = config.provider ?? (config.baseURL || config.apiKey ? 'openai-compatible' : 'simulated')
  if (kind === 'simulated') {
    const options: SimulatedOptions = { ...extra }
    if (config.model) options.defaultModel = config.model
    if (config.errorRate !== undefined) options.errorRate = config.errorRate
    if (config.realtime !== undefined) options.realtime = config.realtime
    if (config.seed !== undefined) options.seed = config.seed
    return createSimulatedProvider(options)
  }
  const options: OpenAICompatibleOptions = { ...extra }
  if (config.baseURL) options.baseURL = config.baseURL
  if (config.apiKey) options.apiKey = config.apiKey
  if (config.model) options.defaultModel = config.model
  if (config.timeoutMs) options.timeoutMs = config.timeoutMs
  if (config.stream !== undefined) options.stream = config.stream
  return createOpenAICompatibleProvider(options)
}
