/**
 * The outcome of sending one batch, as a tagged union so the sender can decide without
 * parsing messages.
 */
export type ExportResult =
  | {
      status: 'success'
      /** Events the receiver refused one by one (207 errors); the rest were stored. */
      rejected?: number
      /** The receiver's first reason for a refused event. */
      message?: string
    }
  | { status: 'retryable'; message: string; retryAfterMs?: number }
  | { status: 'failure'; message: string; httpStatus?: number }

/**
 * Where batches of events go. The SDK calls `export` with one batch at a time, never
 * concurrently; each string is one ingestion event serialised as JSON.
 *
 * @example
 * const lines: string[] = []
 * const toFile: Exporter = {
 *   async export(events) {
 *     lines.push(...events)
 *     return { status: 'success' }
 *   },
 * }
 * const cl = new Chatlens({ exporter: toFile })
 */
export interface Exporter {
  export(events: readonly string[]): Promise<ExportResult>
  shutdown?(): Promise<void>
}
