import { z } from 'zod'
import table from './prices.json' with { type: 'json' }

/** Prices in USD per token, the unit every cost computation uses. */
export type ModelPrice = {
  /** Canonical model name, or the override's pattern. */
  name: string
  /** Who bills for it: openai, anthropic, google, mistral, groq, together, …, or 'project-override'. */
  provider: string
  inputPerToken: number
  outputPerToken: number
  /** Absent: cached input tokens bill at the input price. */
  cachedInputPerToken?: number
  /** Absent: reasoning tokens bill at the output price (true for every vendor in the table). */
  reasoningPerToken?: number
  source: string
  /** The date from which the price is known to apply (YYYY-MM-DD). */
  updated: string
  note?: string
}

const TOKENS_PER_MILLION = 1_000_000

/** Stands for the start of the string or a provider prefix (`openai/`, `anthropic.`, `models/`). */
const PREFIX_PATTERN = '(?:^|[/.:])'
/** Version suffixes vendors add to a model id: dates, -latest, -preview-…, -001, Bedrock's -v2:0. */
const SUFFIX_PATTERN =
  '(?:[-@](?:\\d{4}-\\d{2}-\\d{2}|\\d{8}|\\d{3,4}|latest|preview(?:-[\\d-]+)?|exp(?:-[\\d-]+)?))*' +
  '(?:-v\\d+(?::\\d+)?)?(?::thinking)?$'

const PerMillion = z.number().finite().min(0)
const TableEntry = z.object({
  name: z.string().min(1),
  provider: z.string().min(1),
  match: z.string().min(1),
  input: PerMillion.optional(),
  output: PerMillion.optional(),
  cachedInput: PerMillion.optional(),
  reasoning: PerMillion.optional(),
  /** Bill at another entry's prices (the simulated models). */
  priceAs: z.string().optional(),
  source: z.string().min(1),
  updated: z.iso.date(),
  note: z.string().optional(),
})
const PriceTable = z.object({ unit: z.literal('USD per 1,000,000 tokens'), models: z.array(TableEntry) })
type TableEntry = z.infer<typeof TableEntry>

export type CompiledEntry = { regex: RegExp; price: ModelPrice }

export function expandPattern(match: string): RegExp {
  return new RegExp(match.replaceAll('{p}', PREFIX_PATTERN).replaceAll('{s}', SUFFIX_PATTERN), 'i')
}

function toPrice(entry: TableEntry, billed: TableEntry): ModelPrice {
  if (billed.input === undefined || billed.output === undefined) {
    throw new Error(`prices.json: ${entry.name} has no input/output price`)
  }
  const perToken = (usdPerMillion: number) => usdPerMillion / TOKENS_PER_MILLION
  const price: ModelPrice = {
    name: entry.name,
    provider: entry.provider,
    inputPerToken: perToken(billed.input),
    outputPerToken: perToken(billed.output),
    source: entry.source,
    updated: entry.updated,
  }
  if (billed.cachedInput !== undefined) price.cachedInputPerToken = perToken(billed.cachedInput)
  if (billed.reasoning !== undefined) price.reasoningPerToken = perToken(billed.reasoning)
  if (entry.note !== undefined) price.note = entry.note
  return price
}

/** The maintained table, validated and compiled once, in file order (the first match wins). */
export function compileTable(raw: unknown = table): CompiledEntry[] {
  const { models } = PriceTable.parse(raw)
  const byName = new Map(models.map((m) => [m.name, m]))
  return models.map((entry) => {
    const billed = entry.priceAs === undefined ? entry : byName.get(entry.priceAs)
    if (!billed) throw new Error(`prices.json: ${entry.name} is priced as unknown ${entry.priceAs}`)
    return { regex: expandPattern(entry.match), price: toPrice(entry, billed) }
  })
}
