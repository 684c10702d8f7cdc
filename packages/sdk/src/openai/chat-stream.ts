import type { SpanUpdate } from '../types.js'
import { type OpenAIUsage, usageOf } from './extract.js'
import type { StreamAccumulator } from './stream.js'

type ToolCallDelta = {
  index?: number
  id?: string
  type?: string
  function?: { name?: string; arguments?: string }
}
type Chunk = {
  id?: string
  model?: string
  usage?: OpenAIUsage | null
  choices?: {
    index?: number
    delta?: { role?: string; content?: string | null; refusal?: string | null; tool_calls?: ToolCallDelta[] }
    finish_reason?: string | null
  }[]
}

/** Rebuilds the assistant message of choice 0 from chat completion chunks, and notes the first token. */
export class ChatAccumulator implements StreamAccumulator {
  content = ''
  role = 'assistant'
  toolCalls: { id?: string; type: string; function: { name: string; arguments: string } }[] = []
  finishReason: string | undefined
  model: string | undefined
  id: string | undefined
  usage: Chunk['usage']
  firstTokenAt: number | undefined

  add(event: unknown): void {
    const chunk = event as Chunk
    if (typeof chunk?.model === 'string') this.model = chunk.model
    if (typeof chunk?.id === 'string') this.id = chunk.id
    if (chunk?.usage) this.usage = chunk.usage
    const choice = chunk?.choices?.find((c) => (c.index ?? 0) === 0)
    const delta = choice?.delta
    if (delta) {
      if (this.firstTokenAt === undefined && (delta.content || delta.tool_calls?.length || delta.refusal)) {
        this.firstTokenAt = Date.now()
      }
      if (typeof delta.role === 'string') this.role = delta.role
      if (typeof delta.content === 'string') this.content += delta.content
      for (const t of delta.tool_calls ?? []) this.addToolCall(t)
    }
    if (choice?.finish_reason) this.finishReason = choice.finish_reason
  }

  private addToolCall(t: ToolCallDelta): void {
    const i = t.index ?? 0
    const call = this.toolCalls[i] ?? { type: 'function', function: { name: '', arguments: '' } }
    this.toolCalls[i] = call
    if (t.id) call.id = t.id
    if (t.type) call.type = t.type
    if (t.function?.name) call.function.name += t.function.name
    if (t.function?.arguments) call.function.arguments += t.function.arguments
  }

  outcome(interrupted: boolean): SpanUpdate {
    const message: Record<string, unknown> = { role: this.role, content: this.content }
    const toolCalls = this.toolCalls.filter(Boolean)
    if (toolCalls.length > 0) message.tool_calls = toolCalls
    const metadata: Record<string, unknown> = {
      finishReason: this.finishReason,
      responseId: this.id,
      streamed: true,
    }
    if (interrupted) metadata.interrupted = true
    return {
      output: message,
      model: this.model,
      ...usageOf(this.usage),
      completionStartTime: this.firstTokenAt,
      metadata,
    }
  }
}
