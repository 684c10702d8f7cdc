import { METADATA_MAX_BYTES, PAYLOAD_MAX_BYTES } from '../model/index.js'

/** A value the client sent that breaks a limit checked after parsing (sizes). */
export class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`)
  }
}

/** JSON text of an input/output/parameters value, or undefined when absent. */
export function payloadJson(value: unknown, field: string): string | null | undefined {
  if (value === undefined) return undefined
  if (value === null) return null
  const json = JSON.stringify(value)
  if (json.length > PAYLOAD_MAX_BYTES && Buffer.byteLength(json) > PAYLOAD_MAX_BYTES) {
    throw new FieldError(field, `larger than ${PAYLOAD_MAX_BYTES} bytes; send a shorter value or a reference`)
  }
  return json
}

export function checkMetadata(value: Record<string, unknown> | undefined, field: string) {
  if (value === undefined) return undefined
  const json = JSON.stringify(value)
  if (json.length > METADATA_MAX_BYTES && Buffer.byteLength(json) > METADATA_MAX_BYTES) {
    throw new FieldError(field, `larger than ${METADATA_MAX_BYTES} bytes`)
  }
  return value
}
