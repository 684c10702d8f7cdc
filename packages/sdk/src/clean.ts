import { ERROR_MAX_CHARS, ID_MAX_CHARS, SHORT_TEXT_MAX_CHARS, TAGS_MAX_COUNT } from './constants.js'
import { toJson } from './json.js'

/** Reports a field that had to be changed or left out to satisfy the ingestion schema. */
export type Complain = (message: string) => void

export function text(v: unknown, max = SHORT_TEXT_MAX_CHARS): string | undefined {
  if (v === undefined || v === null) return undefined
  const s = typeof v === 'string' ? v : String(v)
  return s.length > max ? s.slice(0, max) : s
}

export function id(v: unknown, field: string, complain: Complain): string | undefined {
  if (v === undefined || v === null || v === '') return undefined
  const s = typeof v === 'string' ? v : String(v)
  if (s.length <= ID_MAX_CHARS) return s
  complain(`${field} is longer than ${ID_MAX_CHARS} characters and was cut`)
  return s.slice(0, ID_MAX_CHARS)
}

export function count(v: unknown, field: string, complain: Complain, min = 0): number | undefined {
  if (v === undefined || v === null) return undefined
  if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= 1e9) return v
  complain(`${field} must be an integer ≥ ${min}; got ${String(v)}`)
  return undefined
}

export function amount(v: unknown, field: string, complain: Complain): number | undefined {
  if (v === undefined || v === null) return undefined
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return v
  complain(`${field} must be a finite number ≥ 0; got ${String(v)}`)
  return undefined
}

export function unit(v: unknown, field: string, complain: Complain): number | undefined {
  if (v === undefined || v === null) return undefined
  if (typeof v === 'number' && v >= 0 && v <= 1) return v
  complain(`${field} must be a number in 0..1; got ${String(v)}`)
  return undefined
}

export function tags(v: unknown, complain: Complain): string[] | undefined {
  if (v === undefined || v === null) return undefined
  if (!Array.isArray(v)) {
    complain('tags must be an array of strings')
    return undefined
  }
  const out: string[] = []
  for (const t of v) if (typeof t === 'string' && t.length > 0) out.push(text(t)!)
  if (out.length > TAGS_MAX_COUNT) complain(`only the first ${TAGS_MAX_COUNT} tags are kept`)
  return out.slice(0, TAGS_MAX_COUNT)
}

export function errorText(err: unknown): string {
  const message = err instanceof Error ? err.message || err.name : typeof err === 'string' ? err : toJson(err)
  return text(message ?? String(err), ERROR_MAX_CHARS) ?? ''
}

/** The error's class name: `RateLimitError` rather than the generic `Error` when it has one. */
export function errorType(err: unknown): string {
  if (err instanceof Error) {
    const ctor = err.constructor?.name
    return text(err.name !== 'Error' ? err.name : ctor || 'Error')!
  }
  return typeof err
}

/** A plain object for metadata and parameters, or undefined (and a complaint) for anything else. */
export function record(v: unknown, field: string, complain: Complain): object | undefined {
  if (v === undefined || v === null) return undefined
  if (typeof v === 'object' && !Array.isArray(v)) return v
  complain(`${field} must be an object; got ${Array.isArray(v) ? 'an array' : typeof v}`)
  return undefined
}
