import type { SpanNode, Trace } from '../lib/api-types.js'
import { formatMs } from '../lib/format.js'

export type WaterfallRow = {
  /** null for the trace itself. */
  id: string | null
  depth: number
  kind: string
  name: string
  start: number
  end: number | null
  status: 'ok' | 'error'
}

/** The trace, then its spans depth-first with siblings in start order. */
export function flattenTree(trace: Trace, roots: SpanNode[]): WaterfallRow[] {
  const traceEnd = trace.endTime ?? (trace.latencyMs !== null ? trace.timestamp + trace.latencyMs : null)
  const rows: WaterfallRow[] = [
    {
      id: null,
      depth: 0,
      kind: 'trace',
      name: trace.name ?? 'trace',
      start: trace.timestamp,
      end: traceEnd,
      status: trace.status,
    },
  ]
  const walk = (nodes: SpanNode[], depth: number) => {
    for (const n of [...nodes].sort((a, b) => a.span.startTime - b.span.startTime)) {
      const s = n.span
      rows.push({
        id: s.id,
        depth,
        kind: s.kind,
        name: s.name ?? s.kind,
        start: s.startTime,
        end: s.endTime,
        status: s.status,
      })
      walk(n.children, depth + 1)
    }
  }
  walk(roots, 1)
  return rows
}

const INDENT_PX = 14
const MIN_BAR_PCT = 0.6

type Props = {
  rows: WaterfallRow[]
  selected: string | null
  onSelect(id: string | null): void
  scoreCounts: Map<string | null, number>
}

/** Span tree on a shared timeline: each bar starts and ends where its span did. */
export function Waterfall({ rows, selected, onSelect, scoreCounts }: Props) {
  const t0 = Math.min(...rows.map((r) => r.start))
  const t1 = Math.max(...rows.map((r) => r.end ?? r.start), t0 + 1)
  const span = t1 - t0
  const pct = (t: number) => ((t - t0) / span) * 100
  return (
    <div class="waterfall" role="tree" aria-label="Span tree">
      <div class="waterfall__row waterfall__row--scale" aria-hidden="true">
        <span />
        <span class="waterfall__scale">
          <span>0</span>
          <span>{formatMs(span / 2)}</span>
          <span>{formatMs(span)}</span>
        </span>
        <span />
      </div>
      {rows.map((r) => {
        const left = pct(r.start)
        const width = r.end === null ? MIN_BAR_PCT : Math.max(MIN_BAR_PCT, pct(r.end) - left)
        const scores = scoreCounts.get(r.id) ?? 0
        return (
          <button
            key={r.id ?? '#trace'}
            type="button"
            role="treeitem"
            aria-selected={selected === r.id}
            data-span-id={r.id ?? ''}
            class={`waterfall__row${selected === r.id ? ' is-selected' : ''}${r.status === 'error' ? ' is-error' : ''}`}
            onClick={() => onSelect(r.id)}
          >
            <span class="waterfall__label" style={{ paddingLeft: `${r.depth * INDENT_PX}px` }}>
              <span class={`kind kind--${r.kind}`}>{r.kind}</span>
              <span class="truncate" title={r.name}>
                {r.name}
              </span>
              {scores > 0 && (
                <span class="waterfall__scores" title={`${scores} score${scores === 1 ? '' : 's'}`}>
                  {scores}
                </span>
              )}
            </span>
            <span class="waterfall__track">
              <span
                class={`waterfall__bar bar--${r.kind}`}
                style={{ left: `${left}%`, width: `${width}%` }}
              />
            </span>
            <span class="waterfall__dur">{r.end === null ? '…' : formatMs(r.end - r.start)}</span>
          </button>
        )
      })}
    </div>
  )
}
