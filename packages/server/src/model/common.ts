import { z } from 'zod'

/** Limits that apply at every boundary. Units are in the names. */
export const ID_MAX_CHARS = 200
export const NAME_MAX_CHARS = 500
export const SHORT_TEXT_MAX_CHARS = 200
export const ERROR_MAX_CHARS = 10_000
export const COMMENT_MAX_CHARS = 10_000
export const TAGS_MAX_COUNT = 50
/** Serialized size of one input/output/parameters value. */
export const PAYLOAD_MAX_BYTES = 1_000_000
/** Serialized size of one metadata object. */
export const METADATA_MAX_BYTES = 64_000

export const Id = z.string().min(1).max(ID_MAX_CHARS)
export const Name = z.string().min(1).max(NAME_MAX_CHARS)
export const ShortText = z.string().max(SHORT_TEXT_MAX_CHARS)

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i
const MAX_EPOCH_MS = 8.64e15
/** Below this an epoch number is most likely seconds, not milliseconds (1973 in ms). */
const MIN_EPOCH_MS = 1e11

/**
 * A time at the API: ISO-8601 with an offset, or epoch milliseconds; stored as epoch ms.
 * One transform instead of a union of schemas: it runs for several fields of every event.
 */
export const Time = z.unknown().transform((v, ctx): number => {
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= MIN_EPOCH_MS && v <= MAX_EPOCH_MS) return v
    ctx.addIssue({
      code: 'custom',
      message:
        Number.isFinite(v) && v > 0 && v < MIN_EPOCH_MS
          ? 'epoch milliseconds expected (got what looks like seconds)'
          : 'expected epoch milliseconds (an integer) or an ISO-8601 time with an offset',
    })
    return z.NEVER
  }
  if (typeof v === 'string' && ISO_8601.test(v)) {
    const ms = Date.parse(v)
    if (Number.isFinite(ms)) return ms
  }
  ctx.addIssue({
    code: 'custom',
    message: 'expected an ISO-8601 time with an offset (2026-11-23T10:00:00Z) or epoch milliseconds',
  })
  return z.NEVER
})

export const Tokens = z.number().int().min(0).max(1e9)
export const NonNegative = z.number().finite().min(0)
export const Unit = z.number().finite().min(0).max(1)
export const Tags = z.array(z.string().min(1).max(SHORT_TEXT_MAX_CHARS)).max(TAGS_MAX_COUNT)
export const Metadata = z.record(z.string(), z.unknown())
export const Parameters = z.record(z.string(), z.unknown())

export const Status = z.enum(['ok', 'error'])
export type Status = z.infer<typeof Status>

/** Token usage; every field optional. */
export const Usage = {
  inputTokens: Tokens.optional(),
  outputTokens: Tokens.optional(),
  totalTokens: Tokens.optional(),
  cachedInputTokens: Tokens.optional(),
  reasoningTokens: Tokens.optional(),
}

export type UsageCounts = {
  inputTokens: number | null
  outputTokens: number | null
  totalTokens: number | null
  cachedInputTokens: number | null
  reasoningTokens: number | null
}
