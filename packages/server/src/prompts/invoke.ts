import type { ChatResult, Provider } from '../llm/index.js'
import { ProviderError } from '../llm/index.js'
import { newId } from '../model/ids.js'
import type { IngestResponse } from '../model/index.js'
import type { Queryable } from '../store/index.js'
import { ServiceError } from './errors.js'
import { resolvePromptVersion } from './registry.js'
import { type RenderedPrompt, renderVersion } from './render.js'
import type { InvokeBody } from './schemas.js'

export type InvokeDeps = {
  db: Queryable
  provider: Provider
  /** Stores events through the ingestion path (validation, cost, evaluation hooks). */
  ingest: (events: unknown[]) => Promise<IngestResponse>
}

export type InvokeResult = {
  traceId: string
  output: string
  prompt: RenderedPrompt['prompt']
  messages: RenderedPrompt['messages']
  model: string
  provider: string
  /** True when the answer came from chatlens' simulated model, not a real LLM. */
  simulated: boolean
  usage: { inputTokens: number; outputTokens: number }
  costUsd: number | null
  latencyMs: number
  finishReason: string | null
}

/**
 * Renders a prompt version, sends it (with any conversation turns appended) to the server's
 * provider, and records the call as a trace with one generation span, both carrying the
 * prompt's name and version, through the same ingestion path as SDK traffic. A provider failure
 * is traced too, then reported as `unavailable` with the trace id.
 */
export async function invokePrompt(
  deps: InvokeDeps,
  projectId: string,
  name: string,
  body: InvokeBody,
): Promise<InvokeResult> {
  const version = await resolvePromptVersion(deps.db, projectId, name, body)
  const rendered = renderVersion(version, body.variables)
  const messages = [...rendered.messages, ...(body.messages ?? [])]
  const model = body.model ?? rendered.model ?? undefined
  const temperature = body.temperature ?? rendered.temperature ?? undefined
  const maxTokens = body.maxTokens ?? rendered.maxTokens ?? undefined
  const traceId = newId()
  const started = Date.now()
  let result: ChatResult | undefined
  let failure: unknown
  try {
    result = await deps.provider.chat({
      model,
      messages,
      temperature,
      maxTokens,
      parameters: rendered.parameters,
    })
  } catch (err) {
    failure = err
  }
  // The simulated model reports how long a real one would take without waiting for it.
  const ended = result ? started + Math.round(result.latencyMs) : Date.now()
  const link = { promptName: version.name, promptVersion: version.version }
  const status = result
    ? {}
    : {
        status: 'error',
        error: (failure as Error)?.message ?? String(failure),
        errorType: errorType(failure),
      }
  const meta = { provider: deps.provider.name, simulated: deps.provider.simulated }
  const usedModel = result?.model ?? model ?? deps.provider.defaultModel
  const output = result ? { role: 'assistant', content: result.content } : undefined
  const events = [
    event('span-create', {
      id: `${traceId}-llm`,
      traceId,
      kind: 'generation',
      name: 'llm',
      startTime: started,
      endTime: ended,
      ...(result?.timeToFirstTokenMs != null && {
        completionStartTime: started + Math.round(result.timeToFirstTokenMs),
      }),
      model: usedModel,
      parameters: { temperature, max_tokens: maxTokens, ...rendered.parameters },
      input: messages,
      output,
      ...(result && { inputTokens: result.usage.inputTokens, outputTokens: result.usage.outputTokens }),
      ...(result?.costUsd != null && { costUsd: result.costUsd }),
      metadata: { ...meta, ...(result && { finishReason: result.finishReason }) },
      ...link,
      ...status,
    }),
    event('trace-create', {
      id: traceId,
      name: `prompt:${version.name}`,
      timestamp: started,
      endTime: ended,
      input: messages,
      output: result?.content,
      userId: body.userId,
      sessionId: body.sessionId,
      bot: body.bot,
      environment: body.environment,
      tags: ['prompt-invoke', ...(body.tags ?? [])],
      metadata: { ...body.metadata, ...meta, variables: body.variables },
      ...link,
      ...status,
    }),
  ]
  const stored = await deps.ingest(events)
  const refused = stored.errors[0]
  // Only what the caller sent can be refused here (metadata too large, …); name it as they sent it.
  if (refused)
    throw new ServiceError('invalid', 'invalid_request', refused.message.replace(/^body\./, ''), {
      field: refused.field?.replace(/^body\./, ''),
    })
  if (!result) {
    throw new ServiceError(
      'unavailable',
      'provider_error',
      `the model provider failed: ${(failure as Error)?.message ?? failure}`,
      {
        traceId,
        provider: deps.provider.name,
        kind: failure instanceof ProviderError ? failure.kind : 'unknown',
      },
    )
  }
  return {
    traceId,
    output: result.content,
    prompt: rendered.prompt,
    messages,
    model: result.model,
    provider: result.provider,
    simulated: result.simulated,
    usage: { inputTokens: result.usage.inputTokens, outputTokens: result.usage.outputTokens },
    costUsd: result.costUsd,
    latencyMs: result.latencyMs,
    finishReason: result.finishReason,
  }
}

const event = (type: string, body: Record<string, unknown>) => ({ id: newId(), type, body })

function errorType(err: unknown): string {
  if (err instanceof ProviderError) return `provider_${err.kind}`
  return (err as Error)?.name ?? 'Error'
}
