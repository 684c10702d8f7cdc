import type { PriceOverride } from '../model/project.js'
import { computeCostUsd } from './pricing.js'
import { type ChatRequest, type ChatResult, type Provider, ProviderError } from './provider.js'
import { composeAnswer } from './simulated/compose.js'
import { readUser } from './simulated/intent.js'
import { extractJudgeInput } from './simulated/judge-input.js'
import { judgeJson } from './simulated/judge-json.js'
import { judgeScores } from './simulated/judge-scores.js'
import { DEFAULT_SIMULATED_MODEL, resolveSimulatedModel, type SimulatedModel } from './simulated/models.js'
import { fnv1a, logNormal, mulberry32, type Rng } from './simulated/random.js'
import { styleOf } from './simulated/style.js'
import { countMessageTokens, countTokens, truncateToTokens } from './tokens.js'

export { DEFAULT_SIMULATED_MODEL, SIMULATED_MODELS } from './simulated/models.js'

export type SimulatedOptions = {
  defaultModel?: string
  /** Used when a request has no seed of its own. */
  seed?: number
  /** Share of calls (0..1) that fail with a ProviderError, so demos show provider errors. */
  errorRate?: number
  /** Actually wait `latencyMs` before answering; off by default so demos and tests are fast. */
  realtime?: boolean
  priceOverrides?: readonly PriceOverride[]
}

/** Share of calls that hit a slow path (cold cache, overloaded replica) and take 2.5–4.5× longer. */
const SLOW_TAIL_SHARE = 0.03
/** Each 4,000 prompt tokens add about the median time to first token again. */
const PROMPT_TOKENS_PER_TTFT_MEDIAN = 4000
const JUDGE_REQUEST = /\b(evaluat|judg|grad|rate|rating|score)\w*/i

function isJudgeRequest(req: ChatRequest): boolean {
  if (req.responseFormat) return true
  const system = req.messages.filter((m) => m.role === 'system').map((m) => m.content)
  return system.some((s) => JUDGE_REQUEST.test(s) && /\bjson\b/i.test(s))
}

function simulatedError(rng: Rng): ProviderError {
  const r = rng()
  if (r < 0.5) {
    const retryAfterMs = 1000 * (1 + Math.floor(rng() * 4))
    return new ProviderError('rate_limit', 'simulated rate limit', { status: 429, retryAfterMs })
  }
  if (r < 0.8) return new ProviderError('server', 'simulated server error', { status: 503 })
  return new ProviderError('timeout', 'simulated timeout')
}

function latency(rng: Rng, model: SimulatedModel, inputTokens: number, outputTokens: number) {
  const ttftMedian = model.ttftMedianMs * (1 + inputTokens / PROMPT_TOKENS_PER_TTFT_MEDIAN)
  let ttft = logNormal(rng, ttftMedian, model.latencySigma)
  let generation = outputTokens * model.msPerOutputToken * logNormal(rng, 1, model.latencySigma / 2)
  if (rng() < SLOW_TAIL_SHARE) {
    const slowdown = 2.5 + rng() * 2
    ttft *= slowdown
    generation *= slowdown
  }
  return { ttftMs: Math.round(ttft), latencyMs: Math.round(ttft + generation) }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer)
        reject(new ProviderError('network', 'the request was aborted'))
      },
      { once: true },
    )
  })
}

function answer(req: ChatRequest, model: SimulatedModel, rng: Rng): string {
  if (isJudgeRequest(req)) {
    const contentOf = (roles: string[]) =>
      req.messages
        .filter((m) => roles.includes(m.role))
        .map((m) => m.content)
        .join('\n')
    const prompt = contentOf(['system', 'user'])
    // The material to grade is in the user turn; the system prompt's own labels ("Output: JSON")
    // must not be mistaken for it.
    let input = extractJudgeInput(contentOf(['user']))
    if (!input.query && !input.response) input = extractJudgeInput(prompt)
    const schema = req.responseFormat?.type === 'json_schema' ? req.responseFormat.schema : null
    return JSON.stringify(judgeJson(judgeScores(input), schema, prompt))
  }
  const system = req.messages
    .filter((m) => m.role === 'system')
    .map((m) => m.content)
    .join('\n')
  const users = req.messages.filter((m) => m.role === 'user').map((m) => m.content)
  return composeAnswer(readUser(users), users.at(-1) ?? '', styleOf(system || null), model, rng)
}

/**
 * A clearly labelled stand-in for an LLM: a customer-support bot with a small knowledge base whose
 * answers depend on the system prompt, and a simulated judge for JSON requests. The same seed and
 * input always give the same answer, tokens and latency; only injected errors vary per call.
 * @example await createSimulatedProvider().chat({ messages: [{ role: 'user', content: 'Where is my order?' }] })
 */
export function createSimulatedProvider({
  defaultModel = DEFAULT_SIMULATED_MODEL,
  seed: defaultSeed = 0,
  errorRate = 0,
  realtime = false,
  priceOverrides,
}: SimulatedOptions = {}): Provider {
  let calls = 0
  return {
    name: 'simulated',
    simulated: true,
    defaultModel,
    supportsJsonSchema: true,
    async chat(req: ChatRequest): Promise<ChatResult> {
      if (req.signal?.aborted) throw new ProviderError('network', 'the request was aborted')
      const seed = String(req.seed ?? defaultSeed)
      const call = calls++
      const errorRng = mulberry32(fnv1a('errors', seed, String(call)))
      if (errorRate > 0 && errorRng() < errorRate) throw simulatedError(errorRng)

      const { reported, profile } = resolveSimulatedModel(req.model, defaultModel)
      const rng = mulberry32(
        fnv1a(seed, reported, String(req.temperature ?? ''), JSON.stringify(req.messages)),
      )
      let content = answer(req, profile, rng)
      let finishReason = 'stop'
      if (req.maxTokens !== undefined) {
        const cut = truncateToTokens(content, req.maxTokens)
        if (cut.truncated) [content, finishReason] = [cut.text, 'length']
      }
      const usage = { inputTokens: countMessageTokens(req.messages), outputTokens: countTokens(content) }
      const { ttftMs, latencyMs } = latency(rng, profile, usage.inputTokens, usage.outputTokens)
      if (req.timeoutMs !== undefined && latencyMs > req.timeoutMs) {
        if (realtime) await sleep(req.timeoutMs, req.signal)
        throw new ProviderError('timeout', `simulated answer took longer than ${req.timeoutMs} ms`)
      }
      if (realtime) await sleep(latencyMs, req.signal)
      return {
        content,
        model: reported,
        provider: 'simulated',
        simulated: true,
        usage,
        latencyMs,
        timeToFirstTokenMs: ttftMs,
        costUsd: computeCostUsd(reported, usage, priceOverrides),
        finishReason,
      }
    },
  }
}
