import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { Provider } from '../../llm/index.js'
import { ShortText } from '../../model/index.js'
import { invalid } from '../../prompts/errors.js'
import { resolvePromptVersion } from '../../prompts/index.js'
import type { PromptMessage, Queryable } from '../../store/index.js'

const RefName = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'not a prompt name')

/** A prompt of the registry: a version number, or a label (production when neither is given). */
export const PromptRef = z
  .object({
    name: RefName,
    version: z.number().int().min(1).optional(),
    label: RefName.optional(),
  })
  .refine((p) => p.version === undefined || p.label === undefined, {
    message: 'give version or label, not both',
    path: ['label'],
  })
export type PromptRef = z.infer<typeof PromptRef>

/** What produces the outputs: a prompt version, or a system prompt, and model settings over it. */
export const RunConfig = z
  .object({
    prompt: PromptRef.optional(),
    systemPrompt: z.string().max(100_000).optional(),
    model: ShortText.min(1).optional(),
    temperature: z.number().min(0).max(2).optional(),
    maxTokens: z.number().int().min(1).max(1_000_000).optional(),
    parameters: z.record(z.string(), z.unknown()).optional(),
    seed: z.number().int().optional(),
  })
  .refine((c) => !(c.prompt && c.systemPrompt !== undefined), {
    message: 'give a prompt or a systemPrompt, not both',
    path: ['systemPrompt'],
  })
export type RunConfig = z.infer<typeof RunConfig>

/** The configuration as run: the prompt pinned to a version, every setting explicit. */
export type ResolvedConfig = {
  prompt: { name: string; version: number } | null
  /** The prompt's messages before their variables are filled (or the system prompt). */
  template: PromptMessage[]
  model: string
  temperature: number | null
  maxTokens: number | null
  parameters: Record<string, unknown>
  seed: number | null
}

/** "support@3", "support@staging" or "support" (its production label). */
export function parsePromptRef(text: string): PromptRef {
  const at = text.lastIndexOf('@')
  const name = at < 0 ? text : text.slice(0, at)
  const ref = at < 0 ? '' : text.slice(at + 1)
  const parsed = PromptRef.safeParse(
    /^\d+$/.test(ref) ? { name, version: Number(ref) } : ref ? { name, label: ref } : { name },
  )
  if (!parsed.success)
    throw invalid('invalid_prompt', 'prompt', `${JSON.stringify(text)}: write name@version or name@label`)
  return parsed.data
}

export async function resolveConfig(
  db: Queryable,
  projectId: string,
  config: RunConfig,
  provider: Provider,
): Promise<ResolvedConfig> {
  let base: Omit<ResolvedConfig, 'seed'> = {
    prompt: null,
    template: config.systemPrompt ? [{ role: 'system', content: config.systemPrompt }] : [],
    model: provider.defaultModel,
    temperature: null,
    maxTokens: null,
    parameters: {},
  }
  if (config.prompt) {
    const { name, ...selector } = config.prompt
    const v = await resolvePromptVersion(db, projectId, name, selector)
    base = {
      prompt: { name: v.name, version: v.version },
      template: v.messages,
      model: v.model ?? provider.defaultModel,
      temperature: v.temperature,
      maxTokens: v.maxTokens,
      parameters: v.parameters,
    }
  }
  return {
    ...base,
    model: config.model ?? base.model,
    temperature: config.temperature ?? base.temperature,
    maxTokens: config.maxTokens ?? base.maxTokens,
    parameters: { ...base.parameters, ...config.parameters },
    seed: config.seed ?? null,
  }
}

/** Same key, same configuration: what decides which earlier run a new one is compared with. */
export function configKey(c: ResolvedConfig): string {
  const canonical = JSON.stringify([
    c.prompt,
    c.template,
    c.model,
    c.temperature,
    c.maxTokens,
    c.parameters,
    c.seed,
  ])
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16)
}

/** "support@3 · gpt-4o-mini" or "system prompt · gpt-4o-mini, temperature 0.2". */
export function describeConfig(c: ResolvedConfig): string {
  const what = c.prompt
    ? `${c.prompt.name}@${c.prompt.version}`
    : c.template.length
      ? 'system prompt'
      : 'no prompt'
  const extra = [
    c.temperature !== null && `temperature ${c.temperature}`,
    c.maxTokens !== null && `max_tokens ${c.maxTokens}`,
  ]
  return `${what} · ${c.model}${extra.filter(Boolean).length ? `, ${extra.filter(Boolean).join(', ')}` : ''}`
}
