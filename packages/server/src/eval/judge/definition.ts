import { z } from 'zod'
import type { EvalInput, EvalNeed, EvalScore } from '../evaluator.js'
import type { JudgePlaceholder } from './template.js'

/**
 * What makes one judge: its editable rubric, the JSON it must answer with (a zod schema, also
 * sent to the endpoint as a JSON schema) and how a validated answer becomes scores. The calling
 * loop (run-judge.ts) is shared by every judge.
 */
export type JudgeDefinition<T = unknown> = {
  /** Evaluator name, e.g. `judge-rubric`. */
  name: string
  version: string
  needs: ReadonlyArray<EvalNeed>
  /** Placeholders a rubric override must keep, checked by checkTemplate. */
  requiredPlaceholders: ReadonlyArray<JudgePlaceholder>
  /** Default rubric: plain text with {{query}}, {{response}}, {{context}}, {{history}}. */
  defaultTemplate: string
  output: z.ZodType<T>
  /** Why this input cannot be judged (it is then skipped, not failed); null when it can. */
  skipReason?(input: EvalInput): string | null
  toScores(output: T): EvalScore[]
}

/** A score the model gives: a number in 0..1. Out of range is a validation failure, never clamped. */
export const UnitScore = z.number().min(0).max(1)

/** The model's one-sentence reason; required so a score is never without its explanation. */
export const Reason = z.string().trim().min(1).max(2000)

/** The JSON schema sent as `response_format`, derived from the same zod schema that validates. */
export function jsonSchemaOf(definition: JudgeDefinition): Record<string, unknown> {
  const { $schema: _, ...schema } = z.toJSONSchema(definition.output) as Record<string, unknown>
  return schema
}

/** Scores are stored and compared at three decimals. */
export const round3 = (x: number): number => Math.round(x * 1000) / 1000
