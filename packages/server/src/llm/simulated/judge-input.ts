/**
 * Finds the query, the response and the context inside a judge prompt, written either as tags
 * (`<query>…</query>`) or as labelled sections (`Query: …`, `Response: …`, `Context: …`).
 */
export type JudgeInput = { query: string; response: string; context: string | null }

type Part = keyof JudgeInput

const LABELS: [RegExp, Part][] = [
  [/^(user (query|question|input|message)|query|question|input|user)$/, 'query'],
  [
    /^((bot|assistant|model|chatbot) (response|answer|output)|response|answer|output|assistant|completion)$/,
    'response',
  ],
  [/^(context|retrieved context|reference( answer)?|documents?|sources?|knowledge)$/, 'context'],
]
const TAG_NAMES: Record<Part, string[]> = {
  query: ['query', 'question', 'user_query', 'user_input', 'input'],
  response: ['response', 'answer', 'output', 'bot_response', 'assistant_response'],
  context: ['context', 'reference', 'documents', 'sources'],
}
/** `Label:` at the start of a line, optionally as a Markdown heading or in bold. */
const LABEL_LINE = /^\s*(?:#{1,4}\s*)?(?:\*\*)?([a-z][a-z _]{0,30}?)(?:\*\*)?\s*:(?:\*\*)?\s*(.*)$/i

function fromTags(text: string, part: Part): string | undefined {
  for (const tag of TAG_NAMES[part]) {
    const match = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'i').exec(text)
    if (match?.[1] !== undefined) return match[1].trim()
  }
  return undefined
}

function fromLabels(text: string): Partial<Record<Part, string>> {
  const found: Partial<Record<Part, string[]>> = {}
  let current: string[] | null = null
  for (const line of text.split('\n')) {
    const label = LABEL_LINE.exec(line)
    if (label) {
      const name = (label[1] ?? '').trim().toLowerCase().replaceAll('_', ' ')
      const part = LABELS.find(([re]) => re.test(name))?.[1]
      // Any other short label ("Criteria:", "Instructions:") ends the current section.
      if (part || name.split(' ').length <= 3) {
        current = null
        if (part && !found[part]) {
          current = []
          found[part] = current
        }
        if (current && label[2]) current.push(label[2])
        continue
      }
    }
    current?.push(line)
  }
  const result: Partial<Record<Part, string>> = {}
  for (const [part, lines] of Object.entries(found) as [Part, string[]][])
    result[part] = lines.join('\n').trim()
  return result
}

export function extractJudgeInput(text: string): JudgeInput {
  const labelled = fromLabels(text)
  return {
    query: fromTags(text, 'query') ?? labelled.query ?? '',
    response: fromTags(text, 'response') ?? labelled.response ?? '',
    context: fromTags(text, 'context') ?? labelled.context ?? null,
  }
}
