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

/** A time at the API: ISO-8601 with an offset, or epoch milliseconds. Stored as epoch ms. */
export const Time = z.union([
  z.iso.datetime({ offset: true }).transform((s) => Date.parse(s)),
  z
    .number()
    .int()
    .min(0)
    .max(8.64e15)
    .refine((n) => n > 1e11, 'epoch milliseconds expected (got what looks like seconds)'),
])

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
