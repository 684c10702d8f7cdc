type Item<T extends string> = { id: T; label: string; title?: string }

/** A row of toggle buttons of which one is on. */
export function Segmented<T extends string>({
  label,
  items,
  value,
  onSelect,
  small = false,
}: {
  label: string
  items: readonly Item<T>[]
  value: T
  onSelect(id: T): void
  small?: boolean
}) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would bring its own box and legend to a compact toolbar control
    <div class={`segmented${small ? ' segmented--small' : ''}`} role="group" aria-label={label}>
      {items.map((item) => (
        <button
          key={item.id}
          type="button"
          class={`segmented__item${value === item.id ? ' is-active' : ''}`}
          aria-pressed={value === item.id}
          title={item.title}
          onClick={() => onSelect(item.id)}
        >
          {item.label}
        </button>
      ))}
    </div>
  )
}
