import { z } from 'zod'
import { NonNegative, ShortText } from './common.js'

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

export const ProjectSettings = z.object({
  priceOverrides: z.array(PriceOverride).max(500).default([]),
})
export type ProjectSettings = z.infer<typeof ProjectSettings>

export const ProjectCreate = z.object({ name: ShortText.min(1) })

export type Project = {
  id: string
  name: string
  settings: ProjectSettings
  createdAt: number
}
