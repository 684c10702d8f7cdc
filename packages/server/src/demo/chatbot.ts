import type { Chatlens } from '@chatlens/sdk'
import { type ChatMessage, type Provider, ProviderError } from '../llm/index.js'
import { type Clock, realClock } from './clock.js'

/** The system prompt the reference chatbot uses when no prompt registry entry is set. */
export const DEFAULT_SYSTEM_PROMPT =
  'You are the support assistant of an online store. Answer questions about orders, shipping, returns, ' +
  'refunds, billing, accounts and our products. Be accurate and brief. If you are not sure, say so and ' +
  'offer to connect the customer with a human agent. Politely decline requests unrelated to the store.'

export const FALLBACK_ANSWER =
  "I'm sorry, I can't answer right now because of a technical problem on our side. Please try again in a " +
  'moment, or ask for a human agent and we will get back to you.'

/** Messages of history sent with each question (user and assistant turns together). */
export const HISTORY_MESSAGES = 10

/** The system prompt of a turn, and what the experiment variant it came from changes. */
export type SystemPrompt = {
  text: string
  name?: string
  version?: number
  model?: string
  temperature?: number
  maxTokens?: number
  /** The exposure to record on the turn's trace. */
  experiment?: { key: string; variant: string }
}

export type ChatbotOptions = {
  chatlens: Chatlens
  provider: Provider
  bot?: string
  version?: string
  environment?: string
  /** The system prompt, or where to get it for each turn (the prompt registry). */
  systemPrompt?: SystemPrompt | ((turn: TurnInput) => Promise<SystemPrompt> | SystemPrompt)
  clock?: Clock
  model?: string
  temperature?: number
  maxTokens?: number
}

export type TurnInput = {
  userId: string
  sessionId: string
  message: string
  /** Experiment exposure for this turn, if the caller assigned one. */
  experiment?: { key: string; variant: string }
  tags?: string[]
  metadata?: Record<string, unknown>
}

export type TurnResult = {
  traceId: string | undefined
  answer: string
  fallback: boolean
  model: string
  provider: string
  simulated: boolean
  latencyMs: number
  usage: { inputTokens: number; outputTokens: number } | null
  costUsd: number | null
  error?: string
}

/**
 * The reference support chatbot, built only on the public SDK: system prompt, the last ten
 * messages of history, version and variant, a polite fallback answer when the provider fails,
 * and every turn traced with its generation span.
 */
export class SupportChatbot {
  private readonly histories = new Map<string, ChatMessage[]>()
  private readonly o: Required<Pick<ChatbotOptions, 'bot' | 'version' | 'environment' | 'clock'>> &
    ChatbotOptions

  constructor(options: ChatbotOptions) {
    this.o = { bot: 'support-bot', version: '1.0.0', environment: 'production', clock: realClock, ...options }
  }

  /** The messages sent to the model for `message` in this conversation. */
  promptFor(sessionId: string, system: string, message: string): ChatMessage[] {
    const history = (this.histories.get(sessionId) ?? []).slice(-HISTORY_MESSAGES)
    return [{ role: 'system', content: system }, ...history, { role: 'user', content: message }]
  }

  async reply(turn: TurnInput): Promise<TurnResult> {
    const { chatlens, provider, clock } = this.o
    const system = await this.systemPrompt(turn)
    const experiment = turn.experiment ?? system.experiment
    const model = system.model ?? this.o.model
    const temperature = system.temperature ?? this.o.temperature
    const maxTokens = system.maxTokens ?? this.o.maxTokens
    return chatlens.trace(
      'support-turn',
      async (trace) => {
        const messages = this.promptFor(turn.sessionId, system.text, turn.message)
        const result = await chatlens.span(
          'llm',
          async (span) => {
            const started = clock.now()
            try {
              const r = await provider.chat({ model, messages, temperature, maxTokens })
              span.update({
                model: r.model,
                output: { role: 'assistant', content: r.content },
                inputTokens: r.usage.inputTokens,
                outputTokens: r.usage.outputTokens,
                ...(r.costUsd !== null && { costUsd: r.costUsd }),
                ...(r.timeToFirstTokenMs !== null && { completionStartTime: started + r.timeToFirstTokenMs }),
                metadata: { provider: r.provider, simulated: r.simulated, finishReason: r.finishReason },
              })
              return { ok: true as const, r }
            } catch (err) {
              // The customer still gets an answer; the turn is recorded as failed with the reason.
              span.update({
                error: err,
                metadata: { provider: provider.name, simulated: provider.simulated },
              })
              return { ok: false as const, err }
            }
          },
          {
            kind: 'generation',
            input: messages,
            model: model ?? provider.defaultModel,
            parameters: { temperature, max_tokens: maxTokens },
            promptName: system.name,
            promptVersion: system.version,
          },
        )
        const answer = result.ok ? result.r.content : FALLBACK_ANSWER
        this.remember(turn.sessionId, turn.message, answer)
        const kind = result.ok ? undefined : result.err instanceof ProviderError ? result.err.kind : 'unknown'
        trace.update({
          output: answer,
          metadata: {
            provider: provider.name,
            simulated: provider.simulated,
            ...(kind && { fallback: true }),
          },
          ...(!result.ok && { error: providerError(result.err, kind!) }),
        })
        return {
          traceId: trace.id,
          answer,
          fallback: !result.ok,
          model: result.ok ? result.r.model : (model ?? provider.defaultModel),
          provider: provider.name,
          simulated: provider.simulated,
          latencyMs: result.ok ? result.r.latencyMs : 0,
          usage: result.ok ? result.r.usage : null,
          costUsd: result.ok ? result.r.costUsd : null,
          ...(!result.ok && { error: (result.err as Error).message }),
        }
      },
      {
        input: turn.message,
        userId: turn.userId,
        sessionId: turn.sessionId,
        bot: this.o.bot,
        version: this.o.version,
        environment: this.o.environment,
        variant: experiment?.variant,
        experimentKey: experiment?.key,
        experimentVariant: experiment?.variant,
        promptName: system.name,
        promptVersion: system.version,
        tags: turn.tags,
        metadata: turn.metadata,
      },
    )
  }

  /** Forgets a conversation's history (the playground's reset button). */
  reset(sessionId: string): void {
    this.histories.delete(sessionId)
  }

  private async systemPrompt(turn: TurnInput): Promise<SystemPrompt> {
    const p = this.o.systemPrompt
    if (!p) return { text: DEFAULT_SYSTEM_PROMPT }
    return typeof p === 'function' ? p(turn) : p
  }

  private remember(sessionId: string, question: string, answer: string) {
    const history = this.histories.get(sessionId) ?? []
    history.push({ role: 'user', content: question }, { role: 'assistant', content: answer })
    // Keep a little more than the window; older turns are never sent again.
    this.histories.set(sessionId, history.slice(-HISTORY_MESSAGES * 2))
  }
}

/** An error whose `name` says what failed, so traces count errors by type. */
function providerError(err: unknown, kind: string): Error {
  const e = new Error(`provider failed (${kind}): ${(err as Error)?.message ?? String(err)}`)
  e.name = `provider_${kind}`
  return e
}
