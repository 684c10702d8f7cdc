/**
 * The one error type handlers throw. `code` is a stable string users can search for;
 * the error handler in app.ts is the only place that turns errors into responses.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message)
  }
}

export const notFound = (what: string, id: string) =>
  new AppError(404, 'not_found', `${what} ${JSON.stringify(id)} not found`)
export const badRequest = (code: string, message: string, field?: string) =>
  new AppError(400, code, message, field ? { field } : {})
