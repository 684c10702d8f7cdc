import { z } from 'zod'

/**
 * Which LLM chatlens talks to. Read from the environment once at start-up; an OpenAI-compatible
 * endpoint is used when a base URL or a key is configured, the simulated provider otherwise.
 */
export const LlmConfig = z.object({
  provider: z.enum(['openai-compatible', 'simulated']).optional(),
  baseURL: z.url().optional(),
  apiKey: z.string().min(1).optional(),
  model: z.string().min(1).optional(),
  timeoutMs: z.coerce.number().int().positive().optional(),
  /** Stream answers to measure time to first token (openai-compatible only). */
  stream: z.boolean().optional(),
  /** Simulated provider: share of calls that fail, and whether to really wait. */
  errorRate: z.coerce.number().min(0).max(1).optional(),
  realtime: z.boolean().optional(),
  seed: z.coerce.number().int().optional(),
})
export type LlmConfig = z.infer<typeof LlmConfig>

const flag = (value: string | undefined) =>
  value === undefined ? undefined : /^(1|true|yes|on)$/i.test(value)
const nonEmpty = (...values: (string | undefined)[]) => values.find((v) => v !== undefined && v.trim() !== '')

/**
 * The LLM settings in an environment. CHATLENS_LLM_* wins over the OpenAI client's own
 * OPENAI_API_KEY / OPENAI_BASE_URL. Throws a ZodError naming the variable's field when a value
 * is malformed (e.g. a base URL that is not a URL).
 */
export function llmConfigFromEnv(env: NodeJS.ProcessEnv = process.env): LlmConfig {
  const raw = {
    provider: nonEmpty(env.CHATLENS_LLM_PROVIDER),
    baseURL: nonEmpty(env.CHATLENS_LLM_BASE_URL, env.OPENAI_BASE_URL),
    apiKey: nonEmpty(env.CHATLENS_LLM_API_KEY, env.OPENAI_API_KEY),
    model: nonEmpty(env.CHATLENS_LLM_MODEL),
    timeoutMs: nonEmpty(env.CHATLENS_LLM_TIMEOUT_MS),
    stream: flag(nonEmpty(env.CHATLENS_LLM_STREAM)),
    errorRate: nonEmpty(env.CHATLENS_LLM_ERROR_RATE),
    realtime: flag(nonEmpty(env.CHATLENS_LLM_REALTIME)),
    seed: nonEmpty(env.CHATLENS_LLM_SEED),
  }
  return LlmConfig.parse(Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)))
}
