import { METADATA_MAX_BYTES, PAYLOAD_MAX_BYTES, TRUNCATED_PREVIEW_CHARS } from './constants.js'
import { fitsBytes, iso, toJson, truncatedJson } from './json.js'
import { uuidv7 } from './uuid.js'

/** Something waiting in the queue; it becomes JSON only when its batch is sent. */
export interface Queued {
  /** Set when it was serialised but did not fit in the batch, so it is not serialised twice. */
  json: string | undefined
  toJson(complain: (message: string) => void): string
}

/** An event already serialised: a score, feedback, a conversation end, or a batch sent again. */
export class PlainEvent implements Queued {
  constructor(readonly json: string) {}
  toJson(): string {
    return this.json
  }
}

/** Fields holding the user's own values, and the serialised size the server allows for each. */
const LIMITS: Record<string, number> = {
  input: PAYLOAD_MAX_BYTES,
  output: PAYLOAD_MAX_BYTES,
  parameters: PAYLOAD_MAX_BYTES,
  metadata: METADATA_MAX_BYTES,
}
/** An event shorter than this (≤ 3 UTF-8 bytes per character) cannot break any field limit. */
const FAST_MAX_CHARS = Math.floor(METADATA_MAX_BYTES / 3)

function limitedJson(key: string, value: unknown, complain: (message: string) => void): string | undefined {
  const json = toJson(value)
  const max = LIMITS[key]!
  if (json === undefined || fitsBytes(json, max)) return json
  if (key === 'input' || key === 'output') return truncatedJson(json, max, TRUNCATED_PREVIEW_CHARS)
  complain(`${key} is larger than ${max} bytes and was left out`)
  return `{"truncatedByChatlens":${Buffer.byteLength(json, 'utf8')}}`
}

/**
 * One ingestion event as JSON. Fields other than input, output, parameters and metadata must
 * already be clean (clean.ts). The usual small event takes one JSON.stringify; a large or
 * unserialisable one is written field by field, cutting what exceeds the server's limits.
 */
export function eventJson(
  type: string,
  timestampMs: number,
  body: Record<string, unknown>,
  complain: (message: string) => void,
): string {
  const id = uuidv7()
  const timestamp = iso(timestampMs)
  try {
    const json = JSON.stringify({ id, type, timestamp, body })
    if (json.length <= FAST_MAX_CHARS) return json
  } catch {
    // A cycle, a BigInt or a throwing toJSON somewhere in the user's values.
  }
  let fields = ''
  for (const key in body) {
    const value = body[key]
    if (value === undefined) continue
    const json = key in LIMITS ? limitedJson(key, value, complain) : JSON.stringify(value)
    if (json !== undefined) fields += `${fields === '' ? '' : ','}"${key}":${json}`
  }
  return `{"id":"${id}","type":"${type}","timestamp":"${timestamp}","body":{${fields}}}`
}

/** An ISO time for a body field, or undefined for a missing or impossible one. */
export function time(ms: number | undefined): string | undefined {
  return ms === undefined || !Number.isFinite(ms) || Math.abs(ms) > 8.64e15 ? undefined : iso(ms)
}
