import { Badge } from '../../components/misc.js'
import type { MessageDiff, PromptDiff } from '../../lib/api-types.js'
import { type Row, type Segment, sideBySide, wordDiff } from './diff-rows.js'

export type DiffLayout = 'side' | 'unified'

const value = (v: unknown) =>
  v === null || v === undefined ? 'not set' : typeof v === 'string' ? v : JSON.stringify(v)

function Segments({ segments }: { segments: Segment[] }) {
  return <>{segments.map((s, i) => (s.changed ? <mark key={i}>{s.text}</mark> : s.text))}</>
}

function SideRow({ row }: { row: Row }) {
  const paired = row.left?.op === 'remove' && row.right?.op === 'add'
  const words = paired ? wordDiff(row.left!.text, row.right!.text) : null
  const cell = (side: 'left' | 'right') => {
    const line = row[side]
    if (!line) return <td class="diff__cell diff__cell--blank" />
    return (
      <td class={`diff__cell diff__cell--${line.op}`} data-op={line.op}>
        {words ? <Segments segments={words[side]} /> : line.text || ' '}
      </td>
    )
  }
  return (
    <tr>
      {cell('left')}
      {cell('right')}
    </tr>
  )
}

function messageTitle(m: MessageDiff): string {
  const at = m.toIndex ?? m.fromIndex ?? 0
  const moved = m.fromIndex !== null && m.toIndex !== null && m.fromIndex !== m.toIndex
  const role =
    m.role.from && m.role.to && m.role.from !== m.role.to
      ? `${m.role.from} → ${m.role.to}`
      : (m.role.to ?? m.role.from)
  return `Message ${at + 1}${moved ? ` (was ${m.fromIndex! + 1})` : ''} · ${role}`
}

const TONE = { unchanged: 'neutral', changed: 'warn', added: 'ok', removed: 'error' } as const

/** Line by line, the changes between two versions: settings, messages, variables. */
export function DiffBody({ diff, layout }: { diff: PromptDiff; layout: DiffLayout }) {
  if (!diff.changed)
    return (
      <p class="muted">
        v{diff.from} and v{diff.to} are the same.
      </p>
    )
  if (layout === 'unified')
    return (
      <pre class="diff-unified" data-diff="unified">
        {diff.unified.split('\n').map((line, i) => (
          <div
            key={i}
            class={`diff-unified__line${/^(\+|-|@@)/.test(line) ? ` is-${line[0] === '@' ? 'hunk' : line[0] === '+' ? 'add' : 'remove'}` : ''}`}
          >
            {line || ' '}
          </div>
        ))}
      </pre>
    )
  return (
    <div data-diff="side">
      {diff.fields.length > 0 && (
        <table class="table diff-fields">
          <tbody>
            {diff.fields.map((f) => (
              <tr key={f.field} data-field-change={f.field}>
                <th>{f.field}</th>
                <td class="diff__cell--remove">{value(f.from)}</td>
                <td class="diff__cell--add">{value(f.to)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(diff.variables.added.length > 0 || diff.variables.removed.length > 0) && (
        <p class="small">
          Variables{' '}
          {diff.variables.added
            .map((v) => `+${v}`)
            .concat(diff.variables.removed.map((v) => `−${v}`))
            .join(', ')}
        </p>
      )}
      {diff.messages.map((m, i) => (
        <div key={i} class="diff-message" data-status={m.status}>
          <div class="diff-message__head">
            <span class="strong">{messageTitle(m)}</span>
            <Badge tone={TONE[m.status]}>{m.status}</Badge>
          </div>
          {m.status !== 'unchanged' || m.lines.length <= 6 ? (
            <table class="diff">
              <colgroup>
                <col class="diff__col" />
                <col class="diff__col" />
              </colgroup>
              <thead>
                <tr>
                  <th>v{diff.from}</th>
                  <th>v{diff.to}</th>
                </tr>
              </thead>
              <tbody>
                {sideBySide(m.lines).map((row, k) => (
                  <SideRow key={k} row={row} />
                ))}
              </tbody>
            </table>
          ) : (
            <p class="muted small">{m.lines.length} unchanged lines</p>
          )}
        </div>
      ))}
    </div>
  )
}
