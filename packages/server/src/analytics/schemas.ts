import { z } from 'zod'
import { ShortText, Time } from '../model/index.js'
import { GROUP_DIMENSIONS, type GroupDimension, type MetricFilter } from './dims.js'
import {
  defaultInterval,
  type Interval,
  parseDuration,
  resolveWindow,
  WINDOW_MAX_MS,
  WINDOW_MIN_MS,
  type Window,
} from './window.js'

/** A time in a query string: ISO-8601 or epoch milliseconds. */
const QueryTime = z.preprocess((v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v), Time)
const Value = ShortText.min(1)

/** The filters of every analytics query (PRODUCT.md 3.1). */
export const FilterFields = {
  bot: Value.optional(),
  version: Value.optional(),
  variant: Value.optional(),
  model: Value.optional(),
  environment: Value.optional(),
  promptName: Value.optional(),
  promptVersion: z.coerce.number().int().min(1).optional(),
  category: Value.optional(),
  userId: Value.optional(),
  tag: Value.optional(),
}

export const WindowFields = {
  /** "1h" … "90d" (also minutes, "90m"), ending with the current hour; or from/to. */
  window: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined) return undefined
      const ms = parseDuration(s)
      if (ms === null) {
        ctx.addIssue({ code: 'custom', message: 'a duration like "1h", "24h", "7d" or "90d"' })
        return z.NEVER
      }
      return ms
    }),
  from: QueryTime.optional(),
  to: QueryTime.optional(),
}

export type AnalyticsQuery = {
  window: Window
  filter: MetricFilter
  groupBy?: GroupDimension
  interval: Interval
}

const fmtSpan = (ms: number) => (ms % 86_400_000 === 0 ? `${ms / 86_400_000} d` : `${ms / 3_600_000} h`)

/** Turns window fields into a window, checking it lies between 1 hour and 90 days. */
export function windowOf(
  v: { window?: number; from?: number; to?: number },
  ctx: z.RefinementCtx,
  align: Interval = 'hour',
): Window | typeof z.NEVER {
  const w = resolveWindow(v, Date.now(), align)
  const field = v.window !== undefined && v.from === undefined && v.to === undefined ? 'window' : 'from'
  if (w.to <= w.from) {
    ctx.addIssue({ code: 'custom', path: [field], message: '"from" must be before "to"' })
    return z.NEVER
  }
  const span = w.to - w.from
  if (span < WINDOW_MIN_MS || span > WINDOW_MAX_MS) {
    ctx.addIssue({
      code: 'custom',
      path: [field],
      message: `the window must be between ${fmtSpan(WINDOW_MIN_MS)} and ${fmtSpan(WINDOW_MAX_MS)}; got ${(span / 3_600_000).toFixed(2)} h`,
    })
    return z.NEVER
  }
  return w
}

function splitFilter(v: Record<string, unknown>): MetricFilter {
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(FilterFields)) if (v[k] !== undefined) out[k] = v[k]
  return out as MetricFilter
}

/** Query of the metrics, series, trends and overview routes. */
export const AnalyticsQuery = z
  .object({
    ...WindowFields,
    ...FilterFields,
    groupBy: z.enum(GROUP_DIMENSIONS).optional(),
    interval: z.enum(['hour', 'day']).optional(),
  })
  .transform((v, ctx): AnalyticsQuery => {
    const window = windowOf(v, ctx, v.interval ?? 'hour')
    if (window === z.NEVER) return z.NEVER
    const interval = v.interval ?? defaultInterval(window)
    if (interval === 'hour' && window.to - window.from > 31 * 86_400_000) {
      ctx.addIssue({
        code: 'custom',
        path: ['interval'],
        message: 'hourly series are limited to 31 days; use interval=day',
      })
      return z.NEVER
    }
    return { window, filter: splitFilter(v), groupBy: v.groupBy, interval }
  })

export const ReportFormat = z.enum(['json', 'md', 'html'])
export type ReportFormat = z.infer<typeof ReportFormat>

/** A report covers the last 1 to 90 days. */
export const ReportQuery = z.object({
  days: z.coerce.number().int().min(1).max(90).default(7),
  format: ReportFormat.default('json'),
})

export const ExportQuery = z
  .object({
    ...WindowFields,
    ...FilterFields,
    format: z.enum(['csv', 'jsonl']).default('jsonl'),
    content: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true'),
  })
  .transform((v, ctx) => {
    const window = windowOf(v, ctx)
    if (window === z.NEVER) return z.NEVER
    return { window, filter: splitFilter(v), format: v.format, content: v.content }
  })
