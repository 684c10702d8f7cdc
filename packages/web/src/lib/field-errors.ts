import { ApiError } from './api.js'
import { refusal } from './use-action.js'

/** Errors by the API's field names; '' holds what belongs to no field. */
export type FieldErrors = Record<string, string>

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/**
 * A refused request as errors by field. The server names the field of a 400 ("variables.store",
 * "variants.1.weight") and often repeats it at the start of its message; next to the field that
 * is noise. `place` maps the server's field to one the form shows (or null: the form's banner).
 */
export function apiFieldErrors(
  err: unknown,
  place: (field: string) => string | null = (f) => f,
  what?: string,
): FieldErrors {
  if (!(err instanceof ApiError) || err.status !== 400 || !err.field) return { '': refusal(err, what) }
  const at = place(err.field)
  if (at === null) return { '': err.message }
  const text = err.message.startsWith(`${err.field}: `)
    ? err.message.slice(err.field.length + 2)
    : err.message
  return { [at]: capital(text) }
}
