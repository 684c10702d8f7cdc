import type { ChatTurn, EvalInput } from '../evaluator.js'

/**
 * Judge rubrics are plain text with {{placeholders}}, so a project can edit them without code.
 * `{{#context}}…{{/context}}` keeps its text only when there is a context (likewise for history,
 * query and response), so a judge is not shown empty sections. Values are substituted in one
 * pass: a response that itself contains "{{context}}" stays as it is.
 */
export const JUDGE_PLACEHOLDERS = ['query', 'response', 'context', 'history'] as const
export type JudgePlaceholder = (typeof JUDGE_PLACEHOLDERS)[number]

/** A template longer than this is almost certainly a paste error, and would cost on every call. */
export const TEMPLATE_MAX_CHARS = 20_000

/** The query and the response, as every default judge prompt ends. */
export const QUERY_AND_RESPONSE = `User query:
<query>
{{query}}
</query>

Chatbot response:
<response>
{{response}}
</response>
`

/** The context block, kept only when the turn has context. */
export const OPTIONAL_CONTEXT = `{{#context}}
Context the chatbot was given:
<context>
{{context}}
</context>

{{/context}}`

const PLACEHOLDER = /\{\{\s*([a-zA-Z_]+)\s*\}\}/g
/** A section and the line break after each of its markers, so a dropped section leaves no blank lines. */
const SECTION = /\{\{#\s*([a-zA-Z_]+)\s*\}\}\n?([\s\S]*?)\{\{\/\s*\1\s*\}\}\n?/g
const SECTION_MARKER = /\{\{\s*[#/]\s*([a-zA-Z_]*)\s*\}\}/g
const NO_CONTEXT = '(no context was supplied)'
const NO_HISTORY = '(no earlier turns)'
/** Our own delimiters inside evaluated text could end a section early and smuggle instructions. */
const DELIMITER = new RegExp(`</?(${JUDGE_PLACEHOLDERS.join('|')})>`, 'gi')

const neutralise = (text: string) => text.replace(DELIMITER, (tag) => tag.replace('<', '‹').replace('>', '›'))

function contextText(context: readonly string[] | undefined): string {
  const passages = (context ?? []).map((p) => p.trim()).filter(Boolean)
  if (passages.length === 0) return NO_CONTEXT
  if (passages.length === 1) return neutralise(passages[0] as string)
  return passages.map((p, i) => `[${i + 1}] ${neutralise(p)}`).join('\n\n')
}

function historyText(history: readonly ChatTurn[] | undefined): string {
  if (!history?.length) return NO_HISTORY
  return history.map((turn) => `${turn.role}: ${neutralise(turn.content)}`).join('\n')
}

/** The text each placeholder stands for. */
export function placeholderValues(input: EvalInput): Record<JudgePlaceholder, string> {
  return {
    query: neutralise(input.query),
    response: neutralise(input.response),
    context: contextText(input.context),
    history: historyText(input.history),
  }
}

function isPresent(input: EvalInput, name: string): boolean {
  if (name === 'context') return Boolean(input.context?.some((p) => p.trim()))
  if (name === 'history') return Boolean(input.history?.length)
  if (name === 'query' || name === 'response') return Boolean(input[name].trim())
  return false
}

/** @example renderTemplate('{{#context}}<context>{{context}}</context>{{/context}}<query>{{query}}</query>', input) */
export function renderTemplate(template: string, input: EvalInput): string {
  const values = placeholderValues(input)
  const kept = template.replace(SECTION, (_, name: string, body: string) =>
    isPresent(input, name) ? body : '',
  )
  return kept.replace(PLACEHOLDER, (whole, name: string) =>
    name in values ? values[name as JudgePlaceholder] : whole,
  )
}

/**
 * Problems with a template, empty when it is usable: unknown placeholders (a typo such as
 * {{responce}} would otherwise reach the model verbatim) and required ones that are missing.
 * Check overrides with it before storing them.
 */
export function checkTemplate(template: string, required: readonly JudgePlaceholder[]): string[] {
  const problems: string[] = []
  if (!template.trim()) return ['the template is empty']
  if (template.length > TEMPLATE_MAX_CHARS)
    problems.push(`the template has ${template.length} characters; the limit is ${TEMPLATE_MAX_CHARS}`)
  const known = (name: string) => (JUDGE_PLACEHOLDERS as readonly string[]).includes(name)
  const list = JUDGE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')
  const used = new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string))
  for (const name of used) if (!known(name)) problems.push(`unknown placeholder {{${name}}}; known: ${list}`)
  const sections = [...template.matchAll(SECTION)].map((m) => m[1] as string)
  for (const name of new Set(sections))
    if (!known(name)) problems.push(`unknown section {{#${name}}}; known: ${list}`)
  const stray = template.replace(SECTION, '$2').match(SECTION_MARKER)
  if (stray) problems.push(`unclosed or unopened section marker ${stray[0]} (write {{#name}}…{{/name}})`)
  for (const name of required) if (!used.has(name)) problems.push(`the template must contain {{${name}}}`)
  return problems
}

/** A rubric override that cannot work; a configuration mistake, so it is thrown, not scored. */
export class JudgeTemplateError extends Error {
  override name = 'JudgeTemplateError'
  readonly code = 'invalid_judge_template'
  readonly problems: string[]

  constructor(judge: string, problems: string[]) {
    super(`invalid rubric for ${judge}: ${problems.join('; ')}`)
    this.problems = problems
  }
}

export function assertTemplate(judge: string, template: string, required: readonly JudgePlaceholder[]): void {
  const problems = checkTemplate(template, required)
  if (problems.length) throw new JudgeTemplateError(judge, problems)
}
