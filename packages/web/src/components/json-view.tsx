import { useState } from 'preact/hooks'

/**
 * A collapsible JSON tree built from text nodes only: keys and strings from a trace are shown,
 * never interpreted. Big values open lazily and long strings are cut until asked for.
 */
const OPEN_DEPTH = 2
const ITEMS_SHOWN = 100
const STRING_SHOWN_CHARS = 2_000

function LongString({ value }: { value: string }) {
  const [all, setAll] = useState(false)
  if (value.length <= STRING_SHOWN_CHARS || all) return <span class="json__string">"{value}"</span>
  return (
    <span class="json__string">
      "{value.slice(0, STRING_SHOWN_CHARS)}…"{' '}
      <button type="button" class="link-button" onClick={() => setAll(true)}>
        show all {value.length.toLocaleString()} characters
      </button>
    </span>
  )
}

function Leaf({ value }: { value: unknown }) {
  if (value === null) return <span class="json__null">null</span>
  if (typeof value === 'string') return <LongString value={value} />
  if (typeof value === 'number') return <span class="json__number">{String(value)}</span>
  if (typeof value === 'boolean') return <span class="json__bool">{String(value)}</span>
  return <span class="json__null">{String(value)}</span>
}

function Node({ name, value, depth }: { name?: string; value: unknown; depth: number }) {
  const [more, setMore] = useState(false)
  const label = name !== undefined && <span class="json__key">{name}: </span>
  if (typeof value !== 'object' || value === null) {
    return (
      <div class="json__row">
        {label}
        <Leaf value={value} />
      </div>
    )
  }
  const isArray = Array.isArray(value)
  const entries: [string, unknown][] = isArray ? value.map((v, i) => [String(i), v]) : Object.entries(value)
  const [open, close] = isArray ? ['[', ']'] : ['{', '}']
  if (entries.length === 0) {
    return (
      <div class="json__row">
        {label}
        <span class="json__punct">{open + close}</span>
      </div>
    )
  }
  const shown = more ? entries : entries.slice(0, ITEMS_SHOWN)
  return (
    <details class="json__node" open={depth < OPEN_DEPTH}>
      <summary class="json__row">
        {label}
        <span class="json__punct">{open}</span>
        <span class="json__count">
          {entries.length}{' '}
          {isArray ? (entries.length === 1 ? 'item' : 'items') : entries.length === 1 ? 'key' : 'keys'}
        </span>
      </summary>
      <div class="json__children">
        {shown.map(([k, v]) => (
          <Node key={k} name={isArray ? undefined : k} value={v} depth={depth + 1} />
        ))}
        {shown.length < entries.length && (
          <button type="button" class="link-button" onClick={() => setMore(true)}>
            show {entries.length - shown.length} more
          </button>
        )}
      </div>
      <div class="json__punct">{close}</div>
    </details>
  )
}

export function JsonView({ value }: { value: unknown }) {
  if (value === undefined) return <div class="muted">not recorded</div>
  return (
    <div class="json">
      <Node value={value} depth={0} />
    </div>
  )
}
