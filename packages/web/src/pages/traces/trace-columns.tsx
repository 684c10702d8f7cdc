import { StatusBadge } from '../../components/misc.js'
import type { Column } from '../../components/virtual-table.js'
import type { Trace } from '../../lib/api-types.js'
import { previewText } from '../../lib/chat-messages.js'
import { formatCost, formatDateTime, formatInt, formatMs, formatTime } from '../../lib/format.js'

/** A row of the traces table with its previews computed once. */
export type TraceRow = Trace & { inputPreview: string; outputPreview: string }

export function toRow(t: Trace): TraceRow {
  return {
    ...t,
    inputPreview: previewText(t.input, 'user'),
    // A failed turn's error says more than whatever fallback answer it produced.
    outputPreview: t.status === 'error' && t.error ? t.error : previewText(t.output, 'assistant'),
  }
}

export const TRACE_COLUMNS: Column<TraceRow>[] = [
  {
    id: 'time',
    header: 'Time',
    width: '118px',
    cell: (t) => formatTime(t.timestamp),
    title: (t) => formatDateTime(t.timestamp),
  },
  {
    id: 'name',
    header: 'Name · bot',
    width: 'minmax(120px, 0.7fr)',
    cell: (t) => (
      <span class="cell-stack">
        <span class="truncate">{t.name ?? 'trace'}</span>
        <span class="truncate muted">{[t.bot, t.version].filter(Boolean).join(' · ') || '–'}</span>
      </span>
    ),
    title: (t) => `${t.name ?? 'trace'}${t.bot ? ` · ${t.bot}` : ''}${t.version ? ` · ${t.version}` : ''}`,
  },
  {
    id: 'input',
    header: 'Input',
    width: 'minmax(0, 1.4fr)',
    cell: (t) => <span class="truncate">{t.inputPreview}</span>,
    title: (t) => t.inputPreview,
  },
  {
    id: 'output',
    header: 'Output',
    width: 'minmax(0, 1.4fr)',
    cell: (t) => (
      <span class={`truncate${t.status === 'error' ? ' text-error' : ''}`}>{t.outputPreview}</span>
    ),
    title: (t) => t.outputPreview,
  },
  {
    id: 'model',
    header: 'Model',
    width: 'minmax(80px, 0.6fr)',
    cell: (t) => <span class="truncate">{t.model ?? '–'}</span>,
    title: (t) => t.model ?? undefined,
  },
  { id: 'latency', header: 'Latency', width: '76px', align: 'right', cell: (t) => formatMs(t.latencyMs) },
  { id: 'tokens', header: 'Tokens', width: '64px', align: 'right', cell: (t) => formatInt(t.totalTokens) },
  { id: 'cost', header: 'Cost', width: '72px', align: 'right', cell: (t) => formatCost(t.costUsd) },
  { id: 'status', header: 'Status', width: '60px', cell: (t) => <StatusBadge status={t.status} /> },
]

/** Client-side search over loaded rows: ids, names, people and the previews. */
export function matches(t: TraceRow, q: string): boolean {
  const needle = q.toLowerCase()
  return [
    t.id,
    t.name,
    t.bot,
    t.userId,
    t.sessionId,
    t.model,
    t.inputPreview,
    t.outputPreview,
    t.error,
    ...t.tags,
  ].some((v) => typeof v === 'string' && v.toLowerCase().includes(needle))
}

/** The check column of the selection mode: rows are links, so it is drawn, not an input. */
export const SELECT_COLUMN = (selected: Set<string>): Column<TraceRow> => ({
  id: 'select',
  header: '',
  width: '20px',
  cell: (t) => (
    <>
      <span class={`select-box${selected.has(t.id) ? ' is-on' : ''}`} aria-hidden="true" />
      {selected.has(t.id) && <span class="sr-only">selected</span>}
    </>
  ),
})
