import { z } from 'zod'
import { FilterFields } from '../analytics/index.js'
import { Id, ShortText } from '../model/index.js'
import type { AlertRuleDefinition } from '../store/index.js'
import { allowedAggregations } from './vocabulary.js'

export const Severity = z.enum(['low', 'medium', 'high', 'critical'])
export const Comparator = z.enum(['gt', 'gte', 'lt', 'lte'])
export const AlertScope = z.enum(['interaction', 'window'])

const { userId: _u, tag: _t, ...RuleFilterFields } = FilterFields
/** Rules filter on the rollup dimensions (user and tag would need a raw scan every check). */
export const RuleFilters = z.object(RuleFilterFields).strict()

const MINUTE_MS = 60_000
const MAX_WINDOW_MINUTES = 90 * 24 * 60

/**
 * An alert rule as created through the API. `scope: "interaction"` tests each interaction in
 * the window and fires when at least `minSample` break the threshold; `scope: "window"` tests
 * an aggregate of the window and needs at least `minSample` observations to judge.
 */
export const AlertRuleBody = z
  .object({
    name: ShortText.min(1),
    description: z.string().max(2000).optional(),
    scope: AlertScope.default('window'),
    /** latency_ms, ttft_ms, cost_usd, total_tokens, error, error_rate, interactions, conversations, cost_per_conversation, high_quality_share, negative_sentiment_share, positive_sentiment_share, resolution_rate, satisfaction, conversation_turns, or score:<name>. */
    metric: z.string().min(1).max(120),
    aggregation: z.string().min(1).max(20).optional(),
    comparator: Comparator,
    threshold: z.number().finite(),
    windowMinutes: z.number().int().min(1).max(MAX_WINDOW_MINUTES).default(60),
    severity: Severity.default('medium'),
    filters: RuleFilters.default({}),
    minSample: z.number().int().min(1).max(1_000_000).default(1),
    cooldownMinutes: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60)
      .default(30),
    enabled: z.boolean().default(true),
    channels: z.array(Id).max(20).optional(),
  })
  .superRefine((r, ctx) => {
    const allowed = allowedAggregations(r.scope, r.metric)
    if (!allowed) {
      ctx.addIssue({
        code: 'custom',
        path: ['metric'],
        message: `"${r.metric}" is not a metric for ${r.scope} rules`,
      })
      return
    }
    if (r.scope === 'interaction' && r.filters.category !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['filters', 'category'],
        message: 'per-interaction rules cannot filter on category',
      })
    }
    if (r.aggregation !== undefined && !allowed.includes(r.aggregation)) {
      ctx.addIssue({
        code: 'custom',
        path: ['aggregation'],
        message: `use one of ${allowed.join(', ')} for ${r.metric}`,
      })
    }
  })
export type AlertRuleBody = z.infer<typeof AlertRuleBody>

/** The stored definition of a validated body (aggregation defaulted to the metric's first). */
export function toDefinition(b: AlertRuleBody): AlertRuleDefinition {
  const aggregation = b.aggregation ?? allowedAggregations(b.scope, b.metric)![0]!
  return {
    name: b.name,
    description: b.description ?? null,
    scope: b.scope,
    metric: b.metric,
    aggregation,
    comparator: b.comparator,
    threshold: b.threshold,
    windowMs: b.windowMinutes * MINUTE_MS,
    severity: b.severity,
    filters: b.filters as Record<string, string | number>,
    minSample: b.minSample,
    cooldownMs: b.cooldownMinutes * MINUTE_MS,
    enabled: b.enabled,
    channels: b.channels ?? null,
  }
}

export const AlertChannelBody = z.object({
  name: ShortText.min(1),
  /** webhook: the generic JSON body; slack: a Slack-compatible incoming-webhook body. */
  type: z.enum(['webhook', 'slack']),
  url: z.url({ protocol: /^https?$/ }).max(2000),
  enabled: z.boolean().default(true),
})
export type AlertChannelBody = z.infer<typeof AlertChannelBody>
