import { useMemo } from 'preact/hooks'
import { Icon } from '../../components/icons.js'
import { Badge, CopyButton, ErrorBanner, Loading, Stat, StatusBadge } from '../../components/misc.js'
import { flattenTree, Waterfall } from '../../components/waterfall.js'
import type { TraceDetail } from '../../lib/api-types.js'
import { formatCost, formatDateTime, formatInt, formatMs } from '../../lib/format.js'
import { Link, setParams, useLocation } from '../../lib/router.js'
import { globalSearch } from '../../lib/url-state.js'
import { useApi } from '../../lib/use-api.js'
import { NodePanel } from './node-panel.js'
import { ScoreIndex } from './score-index.js'

/** The list's address without the detail's own parameters, for "back". */
function backSearch(params: URLSearchParams): string {
  const p = new URLSearchParams(params)
  p.delete('span')
  const s = p.toString()
  return s ? `?${s}` : ''
}

export function TracePage({ id }: { id: string }) {
  const { params } = useLocation()
  const { data, error } = useApi<TraceDetail>(`/api/v1/traces/${encodeURIComponent(id)}`)
  const selected = params.get('span')
  const rows = useMemo(() => (data ? flattenTree(data.trace, data.spanTree) : []), [data])
  const scoreCounts = useMemo(() => {
    const m = new Map<string | null, number>()
    for (const s of data?.scores ?? []) m.set(s.spanId, (m.get(s.spanId) ?? 0) + 1)
    return m
  }, [data])

  const back = (
    <Link class="back" href={`/traces${backSearch(params)}`}>
      <Icon name="back" size={14} /> Traces
    </Link>
  )
  if (error) {
    return (
      <div class="page">
        {back}
        <ErrorBanner error={error} />
      </div>
    )
  }
  if (!data)
    return (
      <div class="page">
        {back}
        <Loading />
      </div>
    )

  const { trace: t, spans, scores, feedback } = data
  const span = selected ? spans.find((s) => s.id === selected) : undefined
  const t0 = rows.length ? Math.min(...rows.map((r) => r.start)) : t.timestamp
  const carry = globalSearch(params)
  return (
    <div class="page page--detail">
      {back}
      <div class="detail-head">
        <h1 class="truncate">{t.name ?? 'trace'}</h1>
        <StatusBadge status={t.status} />
        <code class="id" title="Trace id">
          {t.id}
        </code>
        <CopyButton text={t.id} label="Copy trace id" />
        {t.tags.map((tag) => (
          <Badge key={tag} tone="tag">
            {tag}
          </Badge>
        ))}
      </div>
      <div class="stats">
        <Stat label="Time">{formatDateTime(t.timestamp)}</Stat>
        <Stat label="Bot">{[t.bot, t.version, t.variant].filter(Boolean).join(' · ') || '–'}</Stat>
        <Stat label="Environment">{t.environment}</Stat>
        <Stat label="Model">{t.model ?? '–'}</Stat>
        <Stat label="User">
          {t.userId ? (
            <Link href={`/traces${carry}${carry ? '&' : '?'}userId=${encodeURIComponent(t.userId)}`}>
              {t.userId}
            </Link>
          ) : (
            '–'
          )}
        </Stat>
        <Stat label="Conversation">
          {t.sessionId ? (
            <Link href={`/conversations/${encodeURIComponent(t.sessionId)}${carry}`}>{t.sessionId}</Link>
          ) : (
            '–'
          )}
        </Stat>
        <Stat label="Latency">{formatMs(t.latencyMs)}</Stat>
        <Stat label="First token">{formatMs(t.timeToFirstTokenMs)}</Stat>
        <Stat label="Tokens">{formatInt(t.totalTokens)}</Stat>
        <Stat label="Cost">{formatCost(t.costUsd)}</Stat>
        {t.experimentKey && (
          <Stat label="Experiment">{`${t.experimentKey} · ${t.experimentVariant ?? '–'}`}</Stat>
        )}
      </div>
      <div class="split">
        <div class="panel split__left">
          <div class="panel__title">
            Timeline{' '}
            <span class="muted">
              · {spans.length} span{spans.length === 1 ? '' : 's'}
            </span>
          </div>
          <Waterfall
            rows={rows}
            selected={span ? span.id : null}
            scoreCounts={scoreCounts}
            onSelect={(sid) => setParams({ span: sid }, { replace: true })}
          />
          <ScoreIndex
            scores={scores}
            spans={spans}
            onSelect={(sid) => setParams({ span: sid }, { replace: true })}
          />
        </div>
        <div class="split__right">
          {span ? (
            <NodePanel
              key={span.id}
              node={{ kind: 'span', item: span }}
              t0={t0}
              scores={scores.filter((s) => s.spanId === span.id)}
              feedback={null}
            />
          ) : (
            <NodePanel
              key="trace"
              node={{ kind: 'trace', item: t }}
              t0={t0}
              scores={scores.filter((s) => s.spanId === null)}
              feedback={feedback}
            />
          )}
        </div>
      </div>
    </div>
  )
}
