import { z } from 'zod'
import { Id, Metadata, ShortText } from '../model/index.js'
import { Assertion } from './assertions/schemas.js'

/** Names of datasets: URL-safe, so `chatlens eval --dataset <name>` and paths can use them as they are. */
export const DATASET_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/
export const DatasetName = z
  .string()
  .min(1)
  .max(100)
  .regex(DATASET_NAME_PATTERN, 'letters, digits, ".", "_" and "-", starting with a letter or digit')

export const TEXT_MAX_CHARS = 100_000
export const HISTORY_MAX_TURNS = 100
export const CONTEXT_MAX_PASSAGES = 50
export const ITEMS_PER_REQUEST_MAX = 5_000
/** Serialized size of an item's expected output. */
export const EXPECTED_MAX_BYTES = 200_000

export const ChatTurn = z.object({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string().max(TEXT_MAX_CHARS),
})
export type ChatTurn = z.infer<typeof ChatTurn>

/** Values for a prompt's {{variables}}. */
export const ItemVariables = z.record(
  z.string().max(100),
  z.union([z.string().max(TEXT_MAX_CHARS), z.number().finite(), z.boolean()]),
)

/**
 * What is sent to the chatbot: the user's query as text, or the query with the conversation
 * before it and values for the prompt's variables.
 */
export const ItemInput = z.union([
  z.string().min(1).max(TEXT_MAX_CHARS),
  z.object({
    query: z.string().min(1).max(TEXT_MAX_CHARS),
    history: z.array(ChatTurn).max(HISTORY_MAX_TURNS).optional(),
    variables: ItemVariables.optional(),
  }),
])
export type ItemInput = z.infer<typeof ItemInput>

export const ItemBody = z.object({
  /** Keeps the item's identity across versions; giving an existing id replaces that item. */
  id: Id.optional(),
  input: ItemInput,
  /** The reference answer: text, or any JSON value for structured outputs. */
  expected: z
    .unknown()
    .refine((v) => v === undefined || JSON.stringify(v).length <= EXPECTED_MAX_BYTES, {
      message: `larger than ${EXPECTED_MAX_BYTES} bytes`,
    })
    .optional(),
  /** Passages the answer should rest on (retrieved documents). */
  context: z.array(z.string().max(TEXT_MAX_CHARS)).max(CONTEXT_MAX_PASSAGES).optional(),
  /** Checks for this item only, in addition to the run's. */
  assertions: z.array(Assertion).max(20).optional(),
  metadata: Metadata.optional(),
})
export type ItemBody = z.infer<typeof ItemBody>

export const DatasetCreateBody = z.object({
  name: DatasetName,
  description: z.string().max(2_000).optional(),
  metadata: Metadata.optional(),
  items: z.array(ItemBody).max(ITEMS_PER_REQUEST_MAX).optional(),
})
export type DatasetCreateBody = z.infer<typeof DatasetCreateBody>

export const ItemsBody = z.object({
  items: z.array(ItemBody).min(1).max(ITEMS_PER_REQUEST_MAX),
  /** What changed, kept with the new version. */
  note: z.string().max(2_000).optional(),
})

export const RemoveItemsBody = z.object({
  ids: z.array(Id).min(1).max(ITEMS_PER_REQUEST_MAX),
  note: z.string().max(2_000).optional(),
})

export const FileFormat = z.enum(['jsonl', 'csv'])
export type FileFormat = z.infer<typeof FileFormat>

/** A JSONL or CSV file's text, e.g. read by the CLI or uploaded by the dashboard. */
export const ImportBody = z.object({
  format: FileFormat,
  content: z.string().min(1).max(20_000_000),
  note: z.string().max(2_000).optional(),
})

/** Which traces to turn into items: by id, or the newest matching a filter. */
export const FromTracesBody = z
  .object({
    traceIds: z.array(Id).min(1).max(ITEMS_PER_REQUEST_MAX).optional(),
    filter: z
      .object({
        bot: ShortText.optional(),
        environment: ShortText.optional(),
        model: ShortText.optional(),
        tag: ShortText.optional(),
        promptName: ShortText.optional(),
        status: z.enum(['ok', 'error']).optional(),
        from: z.number().int().optional(),
        to: z.number().int().optional(),
        q: z.string().max(200).optional(),
      })
      .optional(),
    limit: z.number().int().min(1).max(ITEMS_PER_REQUEST_MAX).default(100),
    /** The item's expected output: the user's correction from feedback when there is one, else the response. */
    expected: z.enum(['correction', 'response', 'none']).default('correction'),
    note: z.string().max(2_000).optional(),
  })
  .refine((b) => b.traceIds !== undefined || b.filter !== undefined, {
    message: 'give traceIds or a filter',
    path: ['traceIds'],
  })
export type FromTracesBody = z.infer<typeof FromTracesBody>
