import { Badge } from '../../components/misc.js'
import type { Column } from '../../components/virtual-table.js'
import type { SessionWithStats } from '../../lib/api-types.js'
import {
  formatCost,
  formatDateTime,
  formatInt,
  formatMs,
  formatPercent,
  formatTime,
  humanize,
} from '../../lib/format.js'

export function ResolvedBadge({ resolved }: { resolved: boolean | null }) {
  if (resolved === null) return <span class="muted">–</span>
  return <Badge tone={resolved ? 'ok' : 'warn'}>{resolved ? 'Resolved' : 'Unresolved'}</Badge>
}

export function Satisfaction({ value }: { value: number | null }) {
  if (value === null) return <span class="muted">–</span>
  const tone = value >= 0.7 ? 'good' : value >= 0.4 ? 'mid' : 'bad'
  return (
    <span class="satisfaction">
      <span class={`meter meter--${tone}`} aria-hidden="true">
        <span style={{ width: `${value * 100}%` }} />
      </span>
      {formatPercent(value)}
    </span>
  )
}

export const CONVERSATION_COLUMNS: Column<SessionWithStats>[] = [
  {
    id: 'start',
    header: 'Started',
    width: '118px',
    cell: (s) => formatTime(s.startedAt),
    title: (s) => formatDateTime(s.startedAt),
  },
  {
    id: 'id',
    header: 'Conversation',
    width: 'minmax(120px, 1.2fr)',
    cell: (s) => <span class="truncate mono">{s.id}</span>,
    title: (s) => s.id,
  },
  {
    id: 'user',
    header: 'User',
    width: 'minmax(90px, 1fr)',
    cell: (s) => <span class="truncate">{s.userId ?? '–'}</span>,
    title: (s) => s.userId ?? undefined,
  },
  {
    id: 'bot',
    header: 'Bot',
    width: 'minmax(70px, 0.7fr)',
    cell: (s) => <span class="truncate">{s.bot ?? '–'}</span>,
  },
  { id: 'turns', header: 'Turns', width: '56px', align: 'right', cell: (s) => formatInt(s.stats.turns) },
  {
    id: 'satisfaction',
    header: 'Satisfaction',
    width: '112px',
    cell: (s) => <Satisfaction value={s.satisfaction} />,
  },
  {
    id: 'resolved',
    header: 'Resolution',
    width: '96px',
    cell: (s) => <ResolvedBadge resolved={s.resolved} />,
  },
  {
    id: 'stage',
    header: 'Stage',
    width: 'minmax(100px, 0.9fr)',
    cell: (s) => <span class="truncate">{humanize(s.stage)}</span>,
  },
  {
    id: 'latency',
    header: 'Avg latency',
    width: '100px',
    align: 'right',
    cell: (s) => formatMs(s.stats.avgLatencyMs),
  },
  { id: 'cost', header: 'Cost', width: '72px', align: 'right', cell: (s) => formatCost(s.stats.costUsd) },
]
