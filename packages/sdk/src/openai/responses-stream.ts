import type { SpanUpdate } from '../types.js'
import {
  type OutputItem,
  outputText,
  ResponseError,
  type ResponseObject,
  responseFields,
} from './responses-extract.js'
import type { StreamAccumulator } from './stream.js'

type ResponseEvent = {
  type?: string
  delta?: string
  output_index?: number
  item?: OutputItem
  response?: ResponseObject
  code?: string
  message?: string
}

/** Events whose delta is the first token of an answer: text, a refusal, or call arguments. */
const FIRST_TOKEN_EVENTS = new Set([
  'response.output_text.delta',
  'response.refusal.delta',
  'response.function_call_arguments.delta',
])

/**
 * Rebuilds a streamed Responses API answer. The last lifecycle event (`response.completed`,
 * `response.failed`, `response.incomplete`) carries the whole response with its usage; when the
 * stream stops before it, the finished output items and the text deltas are recorded instead.
 */
export class ResponsesAccumulator implements StreamAccumulator {
  private response: ResponseObject | undefined
  private readonly items: OutputItem[] = []
  private text = ''
  private firstTokenAt: number | undefined
  private error: ResponseError | undefined

  add(event: unknown): void {
    const e = event as ResponseEvent
    const type = e?.type
    if (type === undefined) return
    if (this.firstTokenAt === undefined && FIRST_TOKEN_EVENTS.has(type) && e.delta) {
      this.firstTokenAt = Date.now()
    }
    if (type === 'response.output_text.delta' && typeof e.delta === 'string') this.text += e.delta
    else if (type === 'response.output_item.done' && e.item)
      this.items[e.output_index ?? this.items.length] = e.item
    else if (type === 'error')
      this.error = new ResponseError('ResponseStreamError', e.message ?? 'stream error', e.code)
    if (e.response && typeof e.response === 'object') this.response = e.response
  }

  outcome(interrupted: boolean): SpanUpdate {
    const latest = this.response ?? {}
    const final = Array.isArray(latest.output) && latest.output.length > 0
    const output = final ? latest.output! : this.items.filter(Boolean)
    const fields = responseFields({ ...latest, output, output_text: outputText(output) || this.text })
    const metadata: Record<string, unknown> = { ...(fields.metadata as object), streamed: true }
    if (interrupted) metadata.interrupted = true
    return {
      ...fields,
      completionStartTime: this.firstTokenAt,
      metadata,
      error: fields.error ?? this.error,
    }
  }
}
