import { renderPromptMessages, variablesIn } from './prompt-render.js'
import type { ServerReader } from './server-reader.js'
import { SwrCache } from './swr-cache.js'

/** How long a fetched prompt is used before it is refreshed in the background. */
export const PROMPT_CACHE_TTL_MS = 60_000

export type PromptMessage = { role: 'system' | 'user' | 'assistant'; content: string }
export type PromptVariables = Record<string, string | number | boolean>

/** What to use when the registry cannot be reached: a system message, messages, or a whole prompt. */
export type PromptFallback =
  | string
  | PromptMessage[]
  | { messages: PromptMessage[]; model?: string; temperature?: number; maxTokens?: number }

export type PromptGetOptions = {
  /** A label such as "production" (the default), "staging", or "latest". */
  label?: string
  /** A version number; wins over the label. */
  version?: number
  /** Used while the server is unreachable and nothing is cached. */
  fallback?: PromptFallback
  /** Age after which a cached prompt is refreshed in the background (default 60 s). */
  cacheTtlMs?: number
}

/** A prompt version of the registry, ready to render. */
export type Prompt = {
  name: string
  /** Null for the fallback. */
  version: number | null
  labels: string[]
  messages: PromptMessage[]
  model: string | null
  temperature: number | null
  maxTokens: number | null
  parameters: Record<string, unknown>
  variables: string[]
  /** network: just fetched; cache: fresh; stale: older than the TTL (refreshing, or the server is down); fallback. */
  source: 'network' | 'cache' | 'stale' | 'fallback'
  /** The messages with {{variables}} filled in; a missing one stays as it is and is reported. */
  render(variables?: PromptVariables): PromptMessage[]
  /** Spread into trace or span options so the turn is linked to this prompt version. */
  traceFields: { promptName: string; promptVersion?: number }
}

type Stored = Omit<Prompt, 'source' | 'render' | 'traceFields'>

/**
 * `chatlens.prompts`: fetch prompt versions from the registry, with a cache that keeps the app
 * working when the server is slow or down.
 */
export class Prompts {
  private readonly cache: SwrCache<Stored>

  constructor(
    private readonly reader: ServerReader,
    private readonly complain: (message: string) => void,
  ) {
    this.cache = new SwrCache<Stored>(
      (key) => reader.get<Stored>(key),
      (result, key) => reader.report(result, `cannot fetch prompt ${key}`),
    )
  }

  /**
   * A prompt version by label (default "production") or number. Cached for `cacheTtlMs`; an
   * older copy is returned at once and refreshed in the background; when the server cannot be
   * reached the last copy stays in use, else the `fallback`. Never rejects: without a copy or a
   * fallback it resolves to undefined and reports why through `onError`.
   *
   * @example
   * const prompt = await cl.prompts.get('support-system', { fallback: 'You are a helpful support bot.' })
   * const messages = [...prompt.render({ store: 'Acme' }), { role: 'user', content: question }]
   * await cl.trace('turn', () => llm(messages), { ...prompt.traceFields, input: question })
   */
  get(name: string, options: PromptGetOptions & { fallback: PromptFallback }): Promise<Prompt>
  get(name: string, options?: PromptGetOptions): Promise<Prompt | undefined>
  async get(name: string, options: PromptGetOptions = {}): Promise<Prompt | undefined> {
    try {
      if (typeof name !== 'string' || name === '') {
        this.complain('prompts.get: name must be a non-empty string')
        return this.fallback(String(name), options.fallback)
      }
      const query =
        typeof options.version === 'number'
          ? `version=${options.version}`
          : `label=${encodeURIComponent(options.label ?? 'production')}`
      const path = `/api/v1/prompts/${encodeURIComponent(name)}?${query}`
      const cached = this.reader.configured
        ? await this.cache.get(path, options.cacheTtlMs ?? PROMPT_CACHE_TTL_MS)
        : undefined
      if (cached) return this.prompt(cached.value, cached.source)
      return this.fallback(name, options.fallback)
    } catch (err) {
      this.complain(`prompts.get failed: ${String(err)}`)
      return this.fallback(name, options.fallback)
    }
  }

  /** Forgets every cached prompt, so the next get asks the server. */
  invalidate(): void {
    this.cache.clear()
  }

  private fallback(name: string, fallback: PromptFallback | undefined): Prompt | undefined {
    if (fallback === undefined) return undefined
    const whole = typeof fallback === 'object' && !Array.isArray(fallback) ? fallback : undefined
    const messages: PromptMessage[] =
      typeof fallback === 'string'
        ? [{ role: 'system', content: fallback }]
        : Array.isArray(fallback)
          ? fallback
          : fallback.messages
    const stored: Stored = {
      name,
      version: null,
      labels: [],
      messages,
      model: whole?.model ?? null,
      temperature: whole?.temperature ?? null,
      maxTokens: whole?.maxTokens ?? null,
      parameters: {},
      variables: variablesIn(messages),
    }
    return this.prompt(stored, 'fallback')
  }

  private prompt(stored: Stored, source: Prompt['source']): Prompt {
    const complain = this.complain
    return {
      name: stored.name,
      version: stored.version,
      labels: stored.labels ?? [],
      messages: stored.messages,
      model: stored.model ?? null,
      temperature: stored.temperature ?? null,
      maxTokens: stored.maxTokens ?? null,
      parameters: stored.parameters ?? {},
      variables: stored.variables ?? [],
      source,
      render(variables: PromptVariables = {}) {
        const r = renderPromptMessages(stored.messages, variables ?? {})
        if (r.missing.length)
          complain(`prompt ${stored.name}: no value for ${r.missing.join(', ')}; left as {{…}}`)
        return r.messages
      },
      traceFields:
        stored.version === null
          ? { promptName: stored.name }
          : { promptName: stored.name, promptVersion: stored.version },
    }
  }
}
