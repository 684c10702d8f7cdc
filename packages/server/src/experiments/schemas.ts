import { z } from 'zod'
import { ShortText } from '../model/index.js'
import {
  LabelName,
  MESSAGE_MAX_CHARS,
  ModelSettings,
  NAME_PATTERN,
  PromptName,
  VersionNumber,
} from '../prompts/index.js'
import { parseMetricId } from './metrics.js'

const NAME_RULE = 'letters, digits, ".", "_" and "-", starting with a letter or digit'
export const ExperimentKey = z.string().min(1).max(100).regex(NAME_PATTERN, NAME_RULE)
export const VariantKey = z.string().min(1).max(50).regex(NAME_PATTERN, NAME_RULE)
export const AssignmentUnit = z.enum(['user', 'session'])
export const MetricId = z
  .string()
  .min(1)
  .max(300)
  .refine((id) => parseMetricId(id) !== undefined, {
    message:
      'not a metric: use latency_ms, cost_usd, error_rate, thumbs_up_rate, rating, resolution_rate, satisfaction, ' +
      'score:<name>:<source> or session_score:<name>:<source> (source: heuristic, judge, human, api)',
  })

/** A variant: a prompt version (pinned; a label is resolved when saved) and/or model-call overrides. */
export const VariantBody = z.object({
  key: VariantKey,
  name: ShortText.optional(),
  description: z.string().max(2000).optional(),
  /** Relative traffic weight (any non-negative numbers; 1 and 1 is 50/50). */
  weight: z.number().finite().min(0).max(1_000_000).default(1),
  prompt: z
    .object({ name: PromptName, version: VersionNumber.optional(), label: LabelName.optional() })
    .refine((p) => p.version === undefined || p.label === undefined, {
      message: 'give version or label, not both',
      path: ['label'],
    })
    .optional(),
  overrides: z
    .object({ systemMessage: z.string().min(1).max(MESSAGE_MAX_CHARS).optional(), ...ModelSettings })
    .strict()
    .optional(),
})
export type VariantBody = z.infer<typeof VariantBody>

const Setting = {
  alpha: z.number().gt(0).max(0.2),
  power: z.number().min(0.5).lt(1),
  correction: z.enum(['holm', 'bh', 'none']),
  /** Always-valid p-values and intervals: read the results at any time, as often as you like. */
  sequential: z.boolean(),
  /** Smallest relative change of the primary metric worth detecting (0.05 = 5 %). */
  minimumEffect: z.number().gt(0).max(10),
}
export const SettingsBody = z.object({
  alpha: Setting.alpha.default(0.05),
  power: Setting.power.default(0.8),
  correction: Setting.correction.default('holm'),
  sequential: Setting.sequential.default(false),
  minimumEffect: Setting.minimumEffect.default(0.05),
})
const SettingsPatch = z.object(Setting).partial()

const Variants = z
  .array(VariantBody)
  .min(2)
  .max(10)
  .superRefine((variants, ctx) => {
    const seen = new Set<string>()
    variants.forEach((v, i) => {
      if (seen.has(v.key))
        ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `duplicate variant key "${v.key}"` })
      seen.add(v.key)
    })
    if (!(variants.reduce((s, v) => s + v.weight, 0) > 0))
      ctx.addIssue({ code: 'custom', path: [0, 'weight'], message: 'weights must not all be 0' })
  })

const Descriptions = {
  name: ShortText.min(1).optional(),
  description: z.string().max(5000).optional(),
  hypothesis: z.string().max(5000).optional(),
}

export const ExperimentCreate = z.object({
  key: ExperimentKey,
  ...Descriptions,
  /** Who is randomised: a user (userId on traces) or a conversation (sessionId). */
  unit: AssignmentUnit.default('user'),
  /** Hash seed; the key by default. A new seed reshuffles everyone. */
  seed: ShortText.min(1).optional(),
  variants: Variants,
  /** The variant the others are compared with; the first by default. */
  control: VariantKey.optional(),
  primaryMetric: MetricId.optional(),
  /** Metrics that must not get significantly worse; error rate and heuristic quality by default. */
  guardrails: z.array(MetricId).max(20).optional(),
  settings: SettingsBody.prefault({}),
  /** Start right away instead of as a draft. */
  start: z.boolean().default(false),
})
export type ExperimentCreate = z.infer<typeof ExperimentCreate>

/** A change; only the fields sent change. Design changes of a running experiment need `rerandomize`. */
export const ExperimentUpdate = z.object({
  ...Descriptions,
  unit: AssignmentUnit.optional(),
  variants: Variants.optional(),
  control: VariantKey.optional(),
  primaryMetric: MetricId.optional(),
  guardrails: z.array(MetricId).max(20).optional(),
  settings: SettingsPatch.optional(),
  /** A new seed: everyone is assigned afresh and results count from now. Required to change a running design. */
  rerandomize: z.boolean().default(false),
  /** The new seed when re-randomising (a fresh one by default). */
  seed: ShortText.min(1).optional(),
})
export type ExperimentUpdate = z.infer<typeof ExperimentUpdate>

export const StopBody = z.object({ winner: VariantKey.optional(), note: z.string().max(5000).optional() })
