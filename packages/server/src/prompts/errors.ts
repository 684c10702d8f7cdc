/**
 * What the registry and experiment services refuse, and why. The HTTP layer maps `kind` to a
 * status (invalid 400, not_found 404, conflict 409, unavailable 502) and keeps `code` and `field`,
 * so the message users see is the one written here.
 */
export type ServiceErrorKind = 'invalid' | 'not_found' | 'conflict' | 'unavailable'

export class ServiceError extends Error {
  override name = 'ServiceError'
  constructor(
    readonly kind: ServiceErrorKind,
    readonly code: string,
    message: string,
    readonly details: { field?: string; [key: string]: unknown } = {},
  ) {
    super(message)
  }
}

export const invalid = (code: string, field: string, message: string) =>
  new ServiceError('invalid', code, `${field}: ${message}`, { field })

export const notFound = (what: string, id: string) =>
  new ServiceError('not_found', 'not_found', `${what} ${JSON.stringify(id)} not found`)
