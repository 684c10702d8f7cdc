import { invalid } from '../prompts/errors.js'
import { parseCsv } from './csv.js'
import { type FileFormat, ITEMS_PER_REQUEST_MAX, ItemBody } from './schemas.js'

/** Column or key names read as the input and the expected output, first match wins. */
const INPUT_KEYS = ['input', 'query', 'question', 'prompt', 'user']
const EXPECTED_KEYS = [
  'expected',
  'expected_output',
  'expectedOutput',
  'answer',
  'output',
  'reference',
  'ideal',
]
const KNOWN = new Set([
  ...INPUT_KEYS,
  ...EXPECTED_KEYS,
  'id',
  'context',
  'history',
  'variables',
  'assertions',
  'metadata',
])

const first = (o: Record<string, unknown>, keys: string[]) =>
  keys.map((k) => o[k]).find((v) => v !== undefined && v !== '')

/** One record (a JSONL object or a CSV row by header) as an item body, before validation. */
function toItem(o: Record<string, unknown>): Record<string, unknown> {
  const query = first(o, INPUT_KEYS)
  const variables = { ...(o.variables as Record<string, unknown> | undefined) }
  const metadata: Record<string, unknown> = { ...(o.metadata as Record<string, unknown> | undefined) }
  for (const [k, v] of Object.entries(o)) {
    if (KNOWN.has(k) || v === '' || v === undefined) continue
    const variable = /^(?:var|variables)\.(.+)$/.exec(k)?.[1]
    if (variable) variables[variable] = v
    else metadata[k.replace(/^metadata\./, '')] = v
  }
  const structured = o.history !== undefined || Object.keys(variables).length > 0
  const input =
    typeof query === 'string' && structured
      ? {
          query,
          ...(o.history !== undefined && { history: o.history }),
          ...(Object.keys(variables).length && { variables }),
        }
      : query
  const expected = first(o, EXPECTED_KEYS)
  return {
    ...(o.id !== undefined && o.id !== '' && { id: String(o.id) }),
    input,
    ...(expected !== undefined && { expected }),
    ...(o.context !== undefined &&
      o.context !== '' && { context: typeof o.context === 'string' ? [o.context] : o.context }),
    ...(o.assertions !== undefined && o.assertions !== '' && { assertions: o.assertions }),
    ...(Object.keys(metadata).length && { metadata }),
  }
}

/** A CSV cell that holds JSON (assertions, history, a context list) is read as JSON. */
function cell(column: string, value: string): unknown {
  if ((column === 'assertions' || column === 'history' || column === 'context') && /^\s*[[{]/.test(value)) {
    try {
      return JSON.parse(value)
    } catch {
      return value
    }
  }
  return value
}

function records(format: FileFormat, content: string): { record: Record<string, unknown>; line: number }[] {
  if (format === 'jsonl') {
    const out: { record: Record<string, unknown>; line: number }[] = []
    content.split(/\r?\n/).forEach((text, i) => {
      if (!text.trim()) return
      let v: unknown
      try {
        v = JSON.parse(text)
      } catch (err) {
        throw invalid('invalid_file', 'content', `line ${i + 1}: not JSON: ${(err as Error).message}`)
      }
      if (typeof v !== 'object' || v === null || Array.isArray(v))
        throw invalid('invalid_file', 'content', `line ${i + 1}: expected a JSON object`)
      out.push({ record: v as Record<string, unknown>, line: i + 1 })
    })
    return out
  }
  let rows: ReturnType<typeof parseCsv>
  try {
    rows = parseCsv(content)
  } catch (err) {
    throw invalid('invalid_file', 'content', (err as Error).message)
  }
  const [header, ...body] = rows
  if (!header) return []
  const columns = header.fields.map((c) => c.trim())
  if (!columns.some((c) => INPUT_KEYS.includes(c)))
    throw invalid(
      'invalid_file',
      'content',
      `line 1: the header needs an input column (${INPUT_KEYS.join(', ')})`,
    )
  return body.map(({ fields, line }) => ({
    record: Object.fromEntries(columns.map((c, i) => [c, cell(c, fields[i] ?? '')])),
    line,
  }))
}

/**
 * Items from a JSONL file (one object per line) or a CSV file with a header. Common names are
 * understood (query/question/prompt for the input, expected_output/answer/reference for the
 * expected output); `var.<name>` columns become prompt variables and other fields metadata.
 * An invalid record is refused with its line and field.
 */
export function parseItemsFile(format: FileFormat, content: string): ItemBody[] {
  const all = records(format, content)
  if (all.length === 0) throw invalid('invalid_file', 'content', 'the file holds no items')
  if (all.length > ITEMS_PER_REQUEST_MAX)
    throw invalid('invalid_file', 'content', `more than ${ITEMS_PER_REQUEST_MAX} items; split the file`)
  return all.map(({ record, line }) => {
    const r = ItemBody.safeParse(toItem(record))
    if (r.success) return r.data
    const issue = r.error.issues[0]
    const path = issue?.path.join('.') || '(item)'
    throw invalid('invalid_file', 'content', `line ${line}: ${path}: ${issue?.message ?? 'invalid'}`)
  })
}
