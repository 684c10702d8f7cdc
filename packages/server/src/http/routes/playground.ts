import { Chatlens, type Exporter, type ExportResult } from '@chatlens/sdk'
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import {
  DEFAULT_SYSTEM_PROMPT,
  DEMO_PROMPT,
  DEMO_STORE,
  SupportChatbot,
  type SystemPrompt,
  type TurnInput,
} from '../../demo/index.js'
import { assignUnit } from '../../experiments/index.js'
import { ingestBatch } from '../../ingest/index.js'
import type { Provider } from '../../llm/index.js'
import { Id, type IngestResponse } from '../../model/index.js'
import { renderMessages, resolvePromptVersion, ServiceError } from '../../prompts/index.js'
import { type Db, getTrace, listExperiments } from '../../store/index.js'
import type { AppDeps } from '../app.js'

/** The environment of playground traces: dashboards of production traffic can leave them out. */
export const PLAYGROUND_ENVIRONMENT = 'playground'
export const PLAYGROUND_MESSAGE_MAX_CHARS = 20_000
/** Conversations whose history is kept per project; the least recently used is forgotten beyond it. */
const PLAYGROUND_SESSIONS_MAX = 500

const ChatBody = z.object({
  sessionId: Id,
  message: z.string().trim().min(1, 'write a message').max(PLAYGROUND_MESSAGE_MAX_CHARS),
  userId: Id.optional(),
})
const ResetBody = z.object({ sessionId: Id })

/** Where the turn's system prompt came from. */
type Source = {
  prompt: { name: string; version: number; label: string | null } | null
  experiment: { key: string; variant: string; unit: 'user' | 'session' } | null
}

/** POST /api/v1/playground/chat: the answer and the figures of its stored trace. */
export type PlaygroundReply = Source & {
  sessionId: string
  traceId: string | null
  answer: string
  /** The model failed and the chatbot answered with its polite fallback. */
  fallback: boolean
  error: string | null
  model: string
  provider: string
  simulated: boolean
  environment: string
  latencyMs: number | null
  inputTokens: number | null
  outputTokens: number | null
  totalTokens: number | null
  costUsd: number | null
}

/**
 * The SDK's exporter for turns traced inside the server: events go through the ingestion path
 * in-process (validation, cost, evaluation hooks), with no HTTP call and no key. Exposure fields
 * are dropped: people trying the chatbot must not count in an experiment's results. The trace
 * keeps its `variant`.
 */
class PlaygroundExporter implements Exporter {
  constructor(private readonly store: (events: unknown[]) => Promise<IngestResponse>) {}

  async export(events: readonly string[]): Promise<ExportResult> {
    const parsed = events.map((json) => {
      const e = JSON.parse(json) as { type: string; body: Record<string, unknown> }
      if (e.type.startsWith('trace-')) {
        delete e.body.experimentKey
        delete e.body.experimentVariant
      }
      return e
    })
    try {
      const { errors } = await this.store(parsed)
      return errors.length
        ? { status: 'success', rejected: errors.length, message: errors[0]!.message }
        : { status: 'success' }
    } catch (err) {
      return { status: 'retryable', message: (err as Error).message }
    }
  }
}

/**
 * The simulated model answers at once and reports how long a real one would have taken; the
 * playground waits that long, so the latency a person feels is the one the trace records.
 */
function withSimulatedWait(provider: Provider): Provider {
  if (!provider.simulated) return provider
  return {
    name: provider.name,
    simulated: true,
    defaultModel: provider.defaultModel,
    supportsJsonSchema: provider.supportsJsonSchema,
    async chat(req) {
      const started = Date.now()
      const result = await provider.chat(req)
      const left = result.latencyMs - (Date.now() - started)
      if (left > 0) await new Promise((r) => setTimeout(r, left))
      return result
    },
  }
}

/**
 * The system prompt as the demo chatbot gets it: the registry's production version of its
 * prompt, or the version of the variant the conversation (or user) is assigned to in the most
 * recently started running experiment of that prompt; the built-in prompt without a registry entry.
 */
async function resolveSource(
  db: Db,
  projectId: string,
  turn: TurnInput,
): Promise<{ system: SystemPrompt; source: Source }> {
  const running = (await listExperiments(db, projectId, { status: 'running' }))
    .filter((e) => e.variants.some((v) => v.prompt?.name === DEMO_PROMPT))
    .sort((a, b) => (b.startedAt ?? 0) - (a.startedAt ?? 0))[0]
  const a = running && assignUnit(running, running.unit === 'session' ? turn.sessionId : turn.userId)
  const pinned = a?.config?.prompt?.version
  let version: Awaited<ReturnType<typeof resolvePromptVersion>> | null = null
  try {
    version = await resolvePromptVersion(db, projectId, DEMO_PROMPT, pinned ? { version: pinned } : {})
  } catch (err) {
    if (!(err instanceof ServiceError)) throw err
  }
  const rendered = version && renderMessages(version.messages, { store: DEMO_STORE })
  const text = a?.config?.systemMessage ?? rendered?.messages.find((m) => m.role === 'system')?.content
  const experiment = a?.variant ? { key: a.experimentKey, variant: a.variant, unit: running!.unit } : null
  const system: SystemPrompt = {
    text: text ?? DEFAULT_SYSTEM_PROMPT,
    ...(version && { name: version.name, version: version.version }),
    ...(a?.config?.model && { model: a.config.model }),
    ...(a?.config?.temperature !== undefined && { temperature: a.config.temperature }),
    ...(a?.config?.maxTokens !== undefined && { maxTokens: a.config.maxTokens }),
    ...(experiment && { experiment: { key: experiment.key, variant: experiment.variant } }),
  }
  const prompt = version && {
    name: version.name,
    version: version.version,
    label: pinned ? null : 'production',
  }
  return { system, source: { prompt, experiment } }
}

/** One reference chatbot per project, with the history of each playground conversation. */
class ProjectPlayground {
  readonly chatlens: Chatlens
  private readonly chatbot: SupportChatbot
  private readonly prompts = new WeakMap<TurnInput, SystemPrompt>()
  /** Conversations by last use (oldest first), each with its turns in order. */
  private readonly sessions = new Map<string, Promise<unknown>>()

  constructor(
    private readonly deps: AppDeps,
    private readonly projectId: string,
    onError: (message: string) => void,
  ) {
    const exporter = new PlaygroundExporter(async (events) =>
      ingestBatch(
        deps.db,
        { projectId, pricer: await deps.pricers.get(projectId), hooks: deps.hooks },
        events,
      ),
    )
    this.chatlens = new Chatlens({ exporter, onError: (e) => onError(e.message) })
    this.chatbot = new SupportChatbot({
      chatlens: this.chatlens,
      provider: withSimulatedWait(deps.provider),
      environment: PLAYGROUND_ENVIRONMENT,
      systemPrompt: (turn) => this.prompts.get(turn) ?? { text: DEFAULT_SYSTEM_PROMPT },
    })
  }

  /** Turns of one conversation run one after another, so its history stays in order. */
  chat(body: z.infer<typeof ChatBody>): Promise<PlaygroundReply> {
    const before = this.sessions.get(body.sessionId) ?? Promise.resolve()
    const turn = before.then(() => this.turn(body))
    this.sessions.delete(body.sessionId)
    this.sessions.set(
      body.sessionId,
      turn.catch(() => {}),
    )
    for (const [oldest] of this.sessions) {
      if (this.sessions.size <= PLAYGROUND_SESSIONS_MAX) break
      this.reset(oldest)
    }
    return turn
  }

  reset(sessionId: string): boolean {
    this.chatbot.reset(sessionId)
    return this.sessions.delete(sessionId)
  }

  private async turn({ sessionId, message, userId = 'playground' }: z.infer<typeof ChatBody>) {
    const turn: TurnInput = { sessionId, userId, message, tags: ['playground'] }
    const { system, source } = await resolveSource(this.deps.db, this.projectId, turn)
    this.prompts.set(turn, system)
    turn.metadata = { source: 'playground', ...(source.experiment && { experiment: source.experiment }) }
    const r = await this.chatbot.reply(turn)
    await this.chatlens.flush()
    const stored = r.traceId ? await getTrace(this.deps.db, this.projectId, r.traceId) : undefined
    const usage = r.usage && { ...r.usage, total: r.usage.inputTokens + r.usage.outputTokens }
    return {
      sessionId,
      traceId: stored ? stored.id : null,
      answer: r.answer,
      fallback: r.fallback,
      error: r.error ?? null,
      model: r.model,
      provider: r.provider,
      simulated: r.simulated,
      environment: PLAYGROUND_ENVIRONMENT,
      prompt: source.prompt,
      experiment: source.experiment,
      latencyMs: stored ? stored.latencyMs : r.latencyMs,
      inputTokens: stored ? stored.inputTokens : (usage?.inputTokens ?? null),
      outputTokens: stored ? stored.outputTokens : (usage?.outputTokens ?? null),
      totalTokens: stored ? stored.totalTokens : (usage?.total ?? null),
      costUsd: stored ? stored.costUsd : r.costUsd,
    } satisfies PlaygroundReply
  }
}

/**
 * The chat playground: the reference support chatbot with the server's model, traced into the
 * project (environment "playground"). It spends model calls and writes traces, so it needs admin.
 */
export async function playgroundRoutes(app: FastifyInstance, deps: AppDeps) {
  const admin = { config: { scope: 'admin' as const } }
  const playgrounds = new Map<string, ProjectPlayground>()
  const of = (projectId: string) => {
    let p = playgrounds.get(projectId)
    if (!p) {
      p = new ProjectPlayground(deps, projectId, (m) => app.log.warn({ projectId }, `playground: ${m}`))
      playgrounds.set(projectId, p)
    }
    return p
  }
  app.addHook('onClose', async () => {
    await Promise.all([...playgrounds.values()].map((p) => p.chatlens.shutdown()))
  })

  app.post('/api/v1/playground/chat', admin, async (request) =>
    of(request.auth.projectId).chat(ChatBody.parse(request.body ?? {})),
  )

  /** Forgets a conversation's history: the next message starts a new one. */
  app.post('/api/v1/playground/reset', admin, async (request) => {
    const { sessionId } = ResetBody.parse(request.body ?? {})
    return { sessionId, reset: of(request.auth.projectId).reset(sessionId) }
  })
}
