import { z } from 'zod'
import { Time } from '../model/index.js'
import { decodeCursor } from '../store/index.js'

/** A time in a query string: ISO-8601 or epoch milliseconds. */
export const QueryTime = z.preprocess((v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v), Time)

export const PAGE_LIMIT_DEFAULT = 50
export const PAGE_LIMIT_MAX = 500

export const PageQuery = {
  limit: z.coerce.number().int().min(1).max(PAGE_LIMIT_MAX).default(PAGE_LIMIT_DEFAULT),
  cursor: z
    .string()
    .max(1000)
    .optional()
    .transform((s, ctx) => {
      if (s === undefined) return null
      const c = decodeCursor(s)
      if (!c) ctx.addIssue({ code: 'custom', message: 'not a cursor this API returned' })
      return c
    }),
}
