import { useEffect, useState } from 'preact/hooks'
import { Icon } from './icons.js'

type Props = {
  label: string
  value: string
  onCommit(value: string): void
  suggestions?: string[]
  placeholder?: string
  type?: 'text' | 'number'
  width?: number
  disabled?: boolean
  title?: string
  name?: string
}

/**
 * A labelled text filter that commits on Enter or when it loses focus (not per keystroke, so a
 * half-typed value never queries the API); Escape reverts.
 */
export function FilterInput({
  label,
  value,
  onCommit,
  suggestions,
  placeholder,
  type = 'text',
  width,
  disabled,
  title,
  name,
}: Props) {
  const [draft, setDraft] = useState(value)
  useEffect(() => setDraft(value), [value])
  const listId = suggestions?.length ? `suggest-${name ?? label}` : undefined
  const commit = (v: string) => {
    const trimmed = v.trim()
    if (trimmed !== value) onCommit(trimmed)
  }
  return (
    <label
      class={`filter${value ? ' filter--active' : ''}${disabled ? ' filter--disabled' : ''}`}
      title={title}
    >
      <span class="filter__label">{label}</span>
      <input
        class="filter__input"
        name={name ?? label.toLowerCase()}
        type={type}
        value={draft}
        placeholder={placeholder ?? 'any'}
        list={listId}
        disabled={disabled}
        style={width ? { width: `${width}px` } : undefined}
        min={type === 'number' ? 0 : undefined}
        onInput={(e) => setDraft(e.currentTarget.value)}
        onChange={(e) => commit(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(e.currentTarget.value)
          if (e.key === 'Escape') setDraft(value)
        }}
      />
      {value && !disabled && (
        <button
          type="button"
          class="filter__clear"
          aria-label={`clear ${label}`}
          onClick={() => onCommit('')}
        >
          <Icon name="close" size={12} />
        </button>
      )}
      {listId && (
        <datalist id={listId}>
          {suggestions!.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
    </label>
  )
}
