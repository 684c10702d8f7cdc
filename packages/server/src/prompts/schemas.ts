import { z } from 'zod'
import { Id, Metadata, ShortText, Tags } from '../model/index.js'

/** Names of prompts, labels and experiments: URL-safe, so they can sit in a path as they are. */
export const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/
const NAME_RULE = 'letters, digits, ".", "_" and "-", starting with a letter or digit'

export const PROMPT_NAME_MAX_CHARS = 100
export const LABEL_MAX_CHARS = 50
export const MESSAGE_MAX_CHARS = 100_000
export const MESSAGES_MAX_COUNT = 100
export const PARAMETERS_MAX_BYTES = 16_000
export const COMMIT_MESSAGE_MAX_CHARS = 2_000
/** The label every prompt has: its newest version. It cannot be set or removed. */
export const LATEST_LABEL = 'latest'
/** What a fetch without a label or version resolves. */
export const DEFAULT_LABEL = 'production'
/** Request fields the registry sets itself, so `parameters` may not carry them. */
const RESERVED_PARAMETERS = ['model', 'messages', 'temperature', 'max_tokens', 'maxTokens', 'stream']

export const PromptName = z.string().min(1).max(PROMPT_NAME_MAX_CHARS).regex(NAME_PATTERN, NAME_RULE)
export const LabelName = z.string().min(1).max(LABEL_MAX_CHARS).regex(NAME_PATTERN, NAME_RULE)
export const VersionNumber = z.coerce.number().int().min(1).max(1_000_000)

export const PromptMessage = z.object({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string().max(MESSAGE_MAX_CHARS),
})

export const ModelSettings = {
  model: ShortText.min(1).optional(),
  temperature: z.number().min(0).max(2).optional(),
  maxTokens: z.number().int().min(1).max(1_000_000).optional(),
}

/** Body of a new version. Creating the first version creates the prompt. */
export const PromptVersionBody = z.object({
  messages: z.array(PromptMessage).min(1).max(MESSAGES_MAX_COUNT),
  ...ModelSettings,
  parameters: z
    .record(z.string(), z.unknown())
    .superRefine((p, ctx) => {
      for (const key of RESERVED_PARAMETERS.filter((k) => k in p)) {
        ctx.addIssue({ code: 'custom', path: [key], message: `set ${key} as its own field, not a parameter` })
      }
      if (JSON.stringify(p).length > PARAMETERS_MAX_BYTES)
        ctx.addIssue({ code: 'custom', message: `larger than ${PARAMETERS_MAX_BYTES} bytes` })
    })
    .optional(),
  commitMessage: z.string().max(COMMIT_MESSAGE_MAX_CHARS).optional(),
  author: ShortText.optional(),
  /** Labels to point at the new version (e.g. ["staging"]). */
  labels: z
    .array(LabelName.refine((l) => l !== LATEST_LABEL, `"${LATEST_LABEL}" always means the newest version`))
    .max(20)
    .optional(),
  /** Sets the prompt's description (kept when omitted). */
  description: z.string().max(COMMIT_MESSAGE_MAX_CHARS).optional(),
})
export type PromptVersionBody = z.infer<typeof PromptVersionBody>

export const PromptCreateBody = PromptVersionBody.extend({ name: PromptName })

/** Which version: a number, or a label (default "production"). Not both. */
export const SelectorShape = { version: VersionNumber.optional(), label: LabelName.optional() }
export const oneSelector = (s: { version?: number; label?: string }) =>
  s.version === undefined || s.label === undefined
const ONE_SELECTOR = { message: 'give version or label, not both', path: ['label'] }
export const VersionSelector = z.object(SelectorShape).refine(oneSelector, ONE_SELECTOR)
export type VersionSelector = z.infer<typeof VersionSelector>

/** Values for {{variables}}: text, or numbers and booleans written as text. */
export const Variables = z.record(
  z.string().max(100),
  z.union([z.string().max(MESSAGE_MAX_CHARS), z.number().finite(), z.boolean()]),
)
export type Variables = z.infer<typeof Variables>

export const RenderBody = z
  .object({ ...SelectorShape, variables: Variables.default({}) })
  .refine(oneSelector, ONE_SELECTOR)

/** Body of invoke: render, append the conversation, call the model, trace the call. */
export const InvokeBody = z
  .object({
    ...SelectorShape,
    variables: Variables.default({}),
    /** Turns appended after the prompt's own messages, e.g. the user's question. */
    messages: z.array(PromptMessage).max(MESSAGES_MAX_COUNT).optional(),
    /** Override the version's model settings for this call. */
    ...ModelSettings,
    userId: Id.optional(),
    sessionId: Id.optional(),
    bot: ShortText.optional(),
    environment: ShortText.optional(),
    tags: Tags.optional(),
    metadata: Metadata.optional(),
  })
  .refine(oneSelector, ONE_SELECTOR)
export type InvokeBody = z.infer<typeof InvokeBody>
