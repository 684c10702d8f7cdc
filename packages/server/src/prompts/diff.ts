import type { PromptMessage, StoredPromptVersion } from '../store/index.js'
import { diffLines, diffSequences, type LineOp } from './diff-lines.js'

export type MessageDiff = {
  status: 'unchanged' | 'changed' | 'added' | 'removed'
  /** Position in the old version (null when added) and in the new one (null when removed). */
  fromIndex: number | null
  toIndex: number | null
  role: { from: string | null; to: string | null }
  lines: LineOp[]
}

export type FieldChange = {
  field: 'model' | 'temperature' | 'maxTokens' | 'parameters'
  from: unknown
  to: unknown
}

export type PromptDiff = {
  name: string
  from: number
  to: number
  changed: boolean
  fields: FieldChange[]
  messages: MessageDiff[]
  variables: { added: string[]; removed: string[] }
  /** The same changes as text in the style of `diff -u`, for terminals and code review. */
  unified: string
}

const sameMessage = (x: PromptMessage, y: PromptMessage) => x.role === y.role && x.content === y.content
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_, x) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)))
      : x,
  )

/**
 * What changed from version `a` to version `b`: model settings field by field, and messages
 * aligned by longest common subsequence so an inserted message does not show every later one as
 * changed; a removed message followed by an added one is paired as one changed message and
 * diffed line by line.
 */
export function diffVersions(a: StoredPromptVersion, b: StoredPromptVersion): PromptDiff {
  const fields: FieldChange[] = []
  for (const field of ['model', 'temperature', 'maxTokens'] as const)
    if (a[field] !== b[field]) fields.push({ field, from: a[field], to: b[field] })
  if (canonical(a.parameters) !== canonical(b.parameters))
    fields.push({ field: 'parameters', from: a.parameters, to: b.parameters })

  const messages: MessageDiff[] = []
  const removed: [PromptMessage, number][] = []
  const added: [PromptMessage, number][] = []
  let ai = 0
  let bi = 0
  const flush = () => {
    const pairs = Math.min(removed.length, added.length)
    for (let k = 0; k < Math.max(removed.length, added.length); k++) {
      const [from, fromIndex] = removed[k] ?? [null, null]
      const [to, toIndex] = added[k] ?? [null, null]
      messages.push({
        status: k < pairs ? 'changed' : from ? 'removed' : 'added',
        fromIndex,
        toIndex,
        role: { from: from?.role ?? null, to: to?.role ?? null },
        lines:
          from && to
            ? diffLines(from.content, to.content)
            : (from ?? to)!.content
                .split('\n')
                .map((text): LineOp => ({ op: from ? 'remove' : 'add', text })),
      })
    }
    removed.length = 0
    added.length = 0
  }
  for (const step of diffSequences(a.messages, b.messages, sameMessage)) {
    if (step.op === 'remove') removed.push([step.a!, ai++])
    else if (step.op === 'add') added.push([step.b!, bi++])
    else {
      flush()
      const lines = step.a!.content.split('\n').map((text): LineOp => ({ op: 'equal', text }))
      messages.push({
        status: 'unchanged',
        fromIndex: ai++,
        toIndex: bi++,
        role: { from: step.a!.role, to: step.b!.role },
        lines,
      })
    }
  }
  flush()

  const variables = {
    added: b.variables.filter((v) => !a.variables.includes(v)),
    removed: a.variables.filter((v) => !b.variables.includes(v)),
  }
  const changed = fields.length > 0 || messages.some((m) => m.status !== 'unchanged')
  return {
    name: a.name,
    from: a.version,
    to: b.version,
    changed,
    fields,
    messages,
    variables,
    unified: unified(a, b, fields, messages),
  }
}

function unified(
  a: StoredPromptVersion,
  b: StoredPromptVersion,
  fields: FieldChange[],
  messages: MessageDiff[],
) {
  const out = [`--- ${a.name} v${a.version}`, `+++ ${b.name} v${b.version}`]
  for (const f of fields) out.push(`@@ ${f.field} @@`, `-${canonical(f.from)}`, `+${canonical(f.to)}`)
  for (const m of messages) {
    if (m.status === 'unchanged') continue
    const where =
      m.toIndex === null
        ? `message ${m.fromIndex! + 1} (${m.role.from})`
        : `message ${m.toIndex + 1} (${m.role.to})`
    out.push(`@@ ${where}: ${m.status} @@`)
    if (m.role.from && m.role.to && m.role.from !== m.role.to)
      out.push(`-role: ${m.role.from}`, `+role: ${m.role.to}`)
    for (const l of m.lines) out.push(`${l.op === 'add' ? '+' : l.op === 'remove' ? '-' : ' '}${l.text}`)
  }
  return out.join('\n')
}
