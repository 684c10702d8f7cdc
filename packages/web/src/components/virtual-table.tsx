// biome-ignore-all lint/a11y/useSemanticElements: a virtualised table positions its rows itself, which <table> layout does not allow; ARIA table roles keep it a table for assistive tech
// biome-ignore-all lint/a11y/useFocusableInteractive: rows are links (focusable); the header row is not interactive
import type { ComponentChildren } from 'preact'
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks'
import { navigate } from '../lib/router.js'

export type Column<T> = {
  id: string
  header: string
  /** A CSS grid track: '120px', 'minmax(0, 1fr)'. */
  width: string
  align?: 'right'
  cell(row: T): ComponentChildren
  /** Text for the cell's tooltip (full text of a truncated cell). */
  title?(row: T): string | undefined
}

/** Rows are a fixed height, so the visible slice follows from the scroll position alone. */
export const ROW_HEIGHT_PX = 36
const OVERSCAN_ROWS = 10
/** Ask for the next page when the last rendered row is this close to the end. */
const END_REACHED_ROWS = 30

type Props<T> = {
  label: string
  rows: T[]
  columns: Column<T>[]
  rowKey(row: T): string
  rowHref(row: T): string
  rowClass?(row: T): string | undefined
  /** Takes a plain click instead of opening the row (selection mode); returns true when it did. */
  onRowClick?(row: T): boolean
  onEndReached?(): void
  footer?: ComponentChildren
}

/**
 * A virtualised table: only the rows in view (plus a margin) are in the DOM, so thousands of
 * loaded rows scroll smoothly. Each row is a link, so it opens in a new tab on middle-click.
 */
export function VirtualTable<T>({
  label,
  rows,
  columns,
  rowKey,
  rowHref,
  rowClass,
  onRowClick,
  onEndReached,
  footer,
}: Props<T>) {
  const scroller = useRef<HTMLDivElement>(null)
  const [view, setView] = useState({ top: 0, height: 600 })
  const frame = useRef(0)

  useLayoutEffect(() => {
    const el = scroller.current!
    const measure = () => setView({ top: el.scrollTop, height: el.clientHeight })
    measure()
    const ro = new ResizeObserver(measure)
    ro.observe(el)
    return () => {
      ro.disconnect()
      cancelAnimationFrame(frame.current)
    }
  }, [])

  const onScroll = () => {
    cancelAnimationFrame(frame.current)
    frame.current = requestAnimationFrame(() => {
      const el = scroller.current
      if (el) setView({ top: el.scrollTop, height: el.clientHeight })
    })
  }

  const first = Math.max(0, Math.floor(view.top / ROW_HEIGHT_PX) - OVERSCAN_ROWS)
  const last = Math.min(rows.length, Math.ceil((view.top + view.height) / ROW_HEIGHT_PX) + OVERSCAN_ROWS)

  useEffect(() => {
    if (onEndReached && rows.length > 0 && last >= rows.length - END_REACHED_ROWS) onEndReached()
  }, [last, rows.length, onEndReached])

  const grid = { gridTemplateColumns: columns.map((c) => c.width).join(' ') }
  return (
    <div class="vtable" role="table" aria-label={label} aria-rowcount={rows.length + 1}>
      <div class="vtable__scroll" ref={scroller} onScroll={onScroll}>
        <div class="vtable__head" role="rowgroup">
          <div class="vtable__row vtable__row--head" role="row" style={grid}>
            {columns.map((c) => (
              <span key={c.id} role="columnheader" class={`vtable__cell${c.align ? ' is-right' : ''}`}>
                {c.header}
              </span>
            ))}
          </div>
        </div>
        <div class="vtable__body" role="rowgroup" style={{ height: `${rows.length * ROW_HEIGHT_PX}px` }}>
          {rows.slice(first, last).map((row, i) => {
            const href = rowHref(row)
            return (
              <a
                key={rowKey(row)}
                role="row"
                aria-rowindex={first + i + 2}
                href={href}
                class={`vtable__row ${rowClass?.(row) ?? ''}`}
                style={{ ...grid, transform: `translateY(${(first + i) * ROW_HEIGHT_PX}px)` }}
                onClick={(e) => {
                  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
                  e.preventDefault()
                  if (!onRowClick?.(row)) navigate(href)
                }}
              >
                {columns.map((c) => (
                  <span
                    key={c.id}
                    role="cell"
                    class={`vtable__cell${c.align ? ' is-right' : ''}`}
                    title={c.title?.(row)}
                  >
                    {c.cell(row)}
                  </span>
                ))}
              </a>
            )
          })}
        </div>
        {footer && <div class="vtable__foot">{footer}</div>}
      </div>
    </div>
  )
}
