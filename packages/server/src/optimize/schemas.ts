import { z } from 'zod'
import {
  DAY_MS,
  parseDuration,
  resolveWindow,
  WINDOW_MAX_MS,
  WINDOW_MIN_MS,
  type Window,
} from '../analytics/index.js'
import { ShortText } from '../model/index.js'

const Value = ShortText.min(1)

/** "1h" … "90d"; the window ends with the current hour. */
export const Duration = z
  .string()
  .default('7d')
  .transform((s, ctx): Window => {
    const ms = parseDuration(s)
    if (ms === null || ms < WINDOW_MIN_MS || ms > WINDOW_MAX_MS) {
      ctx.addIssue({ code: 'custom', message: 'a duration from "1h" to "90d"' })
      return z.NEVER
    }
    return resolveWindow({ window: ms }, Date.now(), 'hour')
  })

/** Body of a recommendation run: which traffic to read. */
export const GenerateBody = z.object({
  window: Duration,
  bot: Value.optional(),
  /** The environment of production traffic; the busiest one but "eval" by default. */
  environment: Value.optional(),
  /** Also ask the configured LLM for advice (its provider is named on what it writes). */
  llm: z.boolean().default(false),
  model: Value.optional(),
})
export type GenerateBody = z.infer<typeof GenerateBody>

export const RecommendationQuery = z.object({
  status: z.enum(['open', 'applied', 'dismissed']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})

export const StatusBody = z.object({
  status: z.enum(['open', 'dismissed', 'applied']),
  note: z.string().max(2000).optional(),
})

export const ApplyBody = z.object({
  /** Smallest relative change of the primary metric the experiment should detect (0.05 = 5 %). */
  minimumEffect: z.number().gt(0).max(10).optional(),
  /** Share of traffic for the new version. */
  candidateShare: z.number().gt(0).lt(1).optional(),
})

export const CycleBody = z.object({
  scope: z.enum(['optimizer', 'all']).default('optimizer'),
  dryRun: z.boolean().default(false),
})

export const ActionsQuery = z.object({
  experimentKey: Value.optional(),
  kind: z.enum(['apply', 'promote', 'revert']).optional(),
})

export const DEFAULT_WINDOW_MS = 7 * DAY_MS
