/** Stable codes of what the SDK reports; users can search for them. */
export type ChatlensErrorCode =
  | 'invalid_argument'
  | 'queue_full'
  | 'request_rejected'
  | 'event_rejected'
  | 'delivery_failed'
  | 'server_unavailable'
  | 'after_shutdown'
  | 'exporter_error'
  | 'internal_error'

/**
 * What the SDK hands to `onError`. It is never thrown into the host application.
 *
 * @example
 * const cl = new Chatlens({
 *   onError: (e) => logger.warn({ code: e.code, status: e.details?.status }, e.message),
 * })
 */
export class ChatlensError extends Error {
  override readonly name = 'ChatlensError'
  constructor(
    readonly code: ChatlensErrorCode,
    message: string,
    readonly details?: { status?: number; count?: number; cause?: unknown },
  ) {
    super(message)
  }
}

export type OnError = (error: ChatlensError) => void

/**
 * Routes problems to the user's `onError`, or else to one console.warn per code, so a broken
 * setup is visible without flooding the host's logs.
 */
export class Reporter {
  private readonly warned = new Set<ChatlensErrorCode>()
  constructor(private readonly onError: OnError | undefined) {}

  report(code: ChatlensErrorCode, message: string, details?: ChatlensError['details']): void {
    try {
      if (this.onError) {
        this.onError(new ChatlensError(code, message, details))
        return
      }
      // Checked before building anything: a full queue reports on every dropped event.
      if (this.warned.has(code)) return
      this.warned.add(code)
      console.warn(`[chatlens] ${message} (${code}; further ${code} reports are silenced)`)
    } catch {
      // A throwing onError or console must not reach the host.
    }
  }
}
