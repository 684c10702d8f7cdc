import type { SpanRecord } from '../records.js'
import { usageOf } from './extract.js'

type ToolCallDelta = {
  index?: number
  id?: string
  type?: string
  function?: { name?: string; arguments?: string }
}
type Chunk = {
  id?: string
  model?: string
  usage?: Parameters<typeof usageOf>[0]
  choices?: {
    index?: number
    delta?: { role?: string; content?: string | null; refusal?: string | null; tool_calls?: ToolCallDelta[] }
    finish_reason?: string | null
  }[]
}

/** Rebuilds the assistant message of choice 0 from stream chunks, and notes the first token. */
class Accumulator {
  content = ''
  role = 'assistant'
  toolCalls: { id?: string; type: string; function: { name: string; arguments: string } }[] = []
  finishReason: string | undefined
  model: string | undefined
  id: string | undefined
  usage: Chunk['usage']
  firstTokenAt: number | undefined

  add(chunk: Chunk): void {
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

  finish(span: SpanRecord, interrupted: boolean): void {
    const message: Record<string, unknown> = { role: this.role, content: this.content }
    const toolCalls = this.toolCalls.filter(Boolean)
    if (toolCalls.length > 0) message.tool_calls = toolCalls
    const metadata: Record<string, unknown> = {
      finishReason: this.finishReason,
      responseId: this.id,
      streamed: true,
    }
    if (interrupted) metadata.interrupted = true
    span.update({
      output: message,
      model: this.model,
      ...usageOf(this.usage),
      completionStartTime: this.firstTokenAt,
      metadata,
    })
    span.end(undefined, undefined, false)
  }
}

/** Passes every chunk through unchanged while recording it; ends the span when the stream does. */
async function* observed(span: SpanRecord, source: AsyncIterable<Chunk>): AsyncGenerator<Chunk> {
  const acc = new Accumulator()
  let settled = false
  try {
    for await (const chunk of source) {
      try {
        acc.add(chunk)
      } catch {}
      yield chunk
    }
    settled = true
    acc.finish(span, false)
  } catch (err) {
    settled = true
    span.end(undefined, err, true)
    throw err
  } finally {
    // The consumer stopped early (break, return): record what arrived.
    if (!settled) acc.finish(span, true)
  }
}

type Iterable = { iterator?: () => AsyncIterable<Chunk>; [Symbol.asyncIterator]?: () => AsyncIterator<Chunk> }

/**
 * Observes an OpenAI `Stream` in place. Its iteration, `tee()` and `toReadableStream()` all
 * draw from its `iterator` function, so wrapping that one function covers every consumer and
 * keeps the object (and its class) as the caller expects.
 */
export function observeStream(span: SpanRecord, stream: unknown): void {
  const s = stream as Iterable
  if (typeof s?.iterator === 'function') {
    const inner = s.iterator
    s.iterator = function chatlensObserved(this: unknown) {
      return observed(span, inner.call(this))
    }
  } else if (typeof s?.[Symbol.asyncIterator] === 'function') {
    const inner = s[Symbol.asyncIterator]!
    s[Symbol.asyncIterator] = function chatlensObserved(this: unknown) {
      return observed(span, { [Symbol.asyncIterator]: () => inner.call(this) })
    }
  } else {
    span.end(undefined, undefined, false)
  }
}
