import type { Exporter, ExportResult } from './exporter.js'
import type { EventType, IngestEvent } from './types.js'

type Body = Record<string, unknown>

/**
 * Keeps every event in memory, exactly as it would have been sent, for your own tests.
 * Call `await cl.flush()` before reading.
 *
 * @example
 * const exporter = new InMemoryExporter()
 * const cl = new Chatlens({ exporter })
 * await cl.trace('turn', async () => 'hi')
 * await cl.flush()
 * expect(exporter.traces()[0]).toMatchObject({ name: 'turn', output: 'hi', status: 'ok' })
 */
export class InMemoryExporter implements Exporter {
  /** Every event received, in order. */
  readonly events: IngestEvent[] = []

  async export(events: readonly string[]): Promise<ExportResult> {
    for (const json of events) this.events.push(JSON.parse(json) as IngestEvent)
    return { status: 'success' }
  }

  /** Bodies of the events of one type. */
  bodies(type: EventType): Body[] {
    return this.events.filter((e) => e.type === type).map((e) => e.body)
  }

  /**
   * Trace bodies, in the order the traces ended.
   *
   * @example
   * expect(exporter.traces().map((t) => t.status)).toEqual(['ok', 'error'])
   */
  traces(): Body[] {
    return this.bodies('trace-create')
  }

  /**
   * Span bodies, of one trace when `traceId` is given.
   *
   * @example
   * expect(exporter.spans(traceId).map((s) => s.kind)).toEqual(['retrieval', 'generation'])
   */
  spans(traceId?: string): Body[] {
    const spans = this.bodies('span-create')
    return traceId === undefined ? spans : spans.filter((s) => s.traceId === traceId)
  }

  scores(): Body[] {
    return this.bodies('score-create')
  }

  feedback(): Body[] {
    return this.bodies('feedback-create')
  }

  sessions(): Body[] {
    return this.events.filter((e) => e.type.startsWith('session-')).map((e) => e.body)
  }

  /**
   * The trace with this id or name, with its spans.
   *
   * @example
   * const { trace, spans } = exporter.trace('support-turn')!
   */
  trace(idOrName: string): { trace: Body; spans: Body[] } | undefined {
    const trace = this.traces().find((t) => t.id === idOrName || t.name === idOrName)
    return trace && { trace, spans: this.spans(trace.id as string) }
  }

  reset(): void {
    this.events.length = 0
  }
}
