/**
 * JSON for values the SDK did not create: never throws, survives cycles, BigInt, Map/Set and
 * Errors, and bounds what one field may weigh so the server never rejects an event for size.
 */

function safeReplacer(): (this: unknown, key: string, value: unknown) => unknown {
  const ancestors: unknown[] = []
  return function replace(this: unknown, _key, value) {
    if (typeof value === 'bigint') return value.toString()
    if (typeof value !== 'object' || value === null) return value
    // `this` is the object holding the value: unwind the path back to it to detect cycles.
    while (ancestors.length > 0 && ancestors.at(-1) !== this) ancestors.pop()
    if (ancestors.includes(value)) return '[Circular]'
    ancestors.push(value)
    if (value instanceof Error) return { name: value.name, message: value.message }
    if (value instanceof Map) return Object.fromEntries(value)
    if (value instanceof Set) return [...value]
    return value
  }
}

/** JSON text of a value, or undefined when it has none (undefined, functions, symbols). */
export function toJson(value: unknown): string | undefined {
  try {
    return JSON.stringify(value)
  } catch {
    try {
      return JSON.stringify(value, safeReplacer())
    } catch {
      return JSON.stringify(String(value))
    }
  }
}

/** Whether a string fits in maxBytes of UTF-8 without measuring it when it clearly does. */
export function fitsBytes(s: string, maxBytes: number): boolean {
  return s.length * 3 <= maxBytes || Buffer.byteLength(s, 'utf8') <= maxBytes
}

/** Keeps the start of an oversized value, as a string that says what happened. */
export function truncatedJson(json: string, maxBytes: number, previewChars: number): string {
  const bytes = Buffer.byteLength(json, 'utf8')
  return JSON.stringify(
    `${json.slice(0, previewChars)}… [truncated by chatlens: ${bytes} bytes > ${maxBytes}]`,
  )
}

let cachedSecond = Number.NaN
let cachedPrefix = ''

/**
 * ISO-8601 in UTC with milliseconds, as Date#toISOString writes it, at a fraction of its cost:
 * events of a batch fall within a few seconds, so the "YYYY-MM-DDTHH:MM:SS." prefix is reused.
 */
export function iso(ms: number): string {
  const whole = Math.floor(ms)
  const second = Math.floor(whole / 1000)
  if (second !== cachedSecond) {
    const s = new Date(second * 1000).toISOString()
    if (s.length !== 24) return new Date(whole).toISOString()
    cachedSecond = second
    cachedPrefix = s.slice(0, 20)
  }
  const milli = whole - second * 1000
  return `${cachedPrefix}${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`
}
