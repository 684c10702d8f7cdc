import { z } from 'zod'
import { NonNegative, ShortText, Unit } from './common.js'
import { SpanKind } from './span.js'

/** A per-project price that overrides the maintained table for models matching `pattern`. */
export const PriceOverride = z.object({
  /** Model name, or a regular expression when it starts and ends with "/". */
  pattern: z.string().min(1).max(200),
  inputPerToken: NonNegative,
  outputPerToken: NonNegative,
  cachedInputPerToken: NonNegative.optional(),
  reasoningPerToken: NonNegative.optional(),
})
export type PriceOverride = z.infer<typeof PriceOverride>

export const JudgeEvaluatorName = z.enum(['rubric', 'category', 'groundedness'])
export type JudgeEvaluatorName = z.infer<typeof JudgeEvaluatorName>

/** What is evaluated, how often and by whom. Sampling is deterministic by trace id. */
export const EvaluationSettings = z.object({
  enabled: z.boolean().default(true),
  heuristics: z.object({ sampleRate: Unit.default(1) }).prefault({}),
  judge: z
    .object({
      /** auto: only when an LLM endpoint is configured (never a simulated judge on real traffic). */
      mode: z.enum(['auto', 'on', 'off']).default('auto'),
      sampleRate: Unit.default(0.1),
      evaluators: z.array(JudgeEvaluatorName).default(['rubric', 'category', 'groundedness']),
      /** Replacement prompt templates per judge evaluator ({{query}}, {{response}}, {{context}}, {{history}}). */
      rubrics: z.partialRecord(JudgeEvaluatorName, z.string().min(20).max(20_000)).default({}),
      model: ShortText.optional(),
    })
    .prefault({}),
  /** Evaluate only traffic of these bots / environments (all when empty). */
  bots: z.array(ShortText).max(100).default([]),
  environments: z.array(ShortText).max(100).default([]),
  /** Also evaluate spans of these kinds on their own (their input and output). */
  spanKinds: z.array(SpanKind).default([]),
  maxAttempts: z.number().int().min(1).max(20).default(5),
})
export type EvaluationSettings = z.infer<typeof EvaluationSettings>

export const ProjectSettings = z.object({
  priceOverrides: z.array(PriceOverride).max(500).default([]),
  evaluation: EvaluationSettings.prefault({}),
})
export type ProjectSettings = z.infer<typeof ProjectSettings>

export const ProjectCreate = z.object({ name: ShortText.min(1) })

export type Project = {
  id: string
  name: string
  settings: ProjectSettings
  createdAt: number
}
