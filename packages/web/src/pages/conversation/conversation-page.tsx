import { useMemo } from 'preact/hooks'
import { Icon } from '../../components/icons.js'
import { CopyButton, ErrorBanner, Loading, Section, Stat } from '../../components/misc.js'
import { FeedbackList, ScoreList } from '../../components/scores.js'
import type { ConversationAnalysis, SessionDetail } from '../../lib/api-types.js'
import { formatCost, formatDateTime, formatInt, formatMs, humanize } from '../../lib/format.js'
import { Link, useLocation } from '../../lib/router.js'
import { globalSearch } from '../../lib/url-state.js'
import { useApi } from '../../lib/use-api.js'
import { ResolutionStat, SatisfactionStat, StagesStat } from './conversation-analytics.js'
import { Transcript } from './transcript.js'
import { TurnChart } from './turn-chart.js'

export function ConversationPage({ id }: { id: string }) {
  const { params, search } = useLocation()
  const { data, error } = useApi<SessionDetail>(`/api/v1/sessions/${encodeURIComponent(id)}`)
  const analysis = useApi<ConversationAnalysis>(`/api/v1/analytics/conversations/${encodeURIComponent(id)}`)
  const byTurn = useMemo(
    () => new Map((analysis.data?.turns ?? []).map((t) => [t.traceId, t])),
    [analysis.data],
  )
  const back = (
    <Link class="back" href={`/conversations${search}`}>
      <Icon name="back" size={14} /> Conversations
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
  const { session: s, stats, turns, scores, feedback } = data
  // The conversation lasts until its last answer ended, not until its last question.
  const lastEnd = turns.reduce<number | null>((m, t) => {
    const end = t.endTime ?? t.timestamp + (t.latencyMs ?? 0)
    return m === null || end > m ? end : m
  }, null)
  return (
    <div class="page page--detail">
      {back}
      <div class="detail-head">
        <h1>Conversation</h1>
        <code class="id">{s.id}</code>
        <CopyButton text={s.id} label="Copy conversation id" />
      </div>
      <div class="stats">
        <Stat label="User">{s.userId ?? '–'}</Stat>
        <Stat label="Bot">{s.bot ?? '–'}</Stat>
        <Stat label="Started">{formatDateTime(s.startedAt)}</Stat>
        <Stat label="Duration">
          {lastEnd !== null ? formatMs(Math.max(0, (s.endedAt ?? lastEnd) - s.startedAt)) : '–'}
        </Stat>
        <Stat label="Turns">{formatInt(stats.turns)}</Stat>
        <Stat label="Stage" title="The stage the chatbot reported">
          {humanize(s.stage)}
        </Stat>
        <StagesStat a={analysis.data} />
        <SatisfactionStat s={s} a={analysis.data} />
        <ResolutionStat s={s} a={analysis.data} />
        <Stat label="Avg latency">{formatMs(stats.avgLatencyMs)}</Stat>
        <Stat label="Tokens">{formatInt(stats.totalTokens)}</Stat>
        <Stat label="Cost">{formatCost(stats.costUsd)}</Stat>
        <Stat label="Errors">{formatInt(stats.errors)}</Stat>
      </div>
      <div class="split split--conversation">
        <div class="panel split__left">
          <div class="panel__title">Transcript</div>
          {turns.length ? (
            <Transcript turns={turns} carry={globalSearch(params)} analysis={byTurn} />
          ) : (
            <p class="muted">No turns recorded.</p>
          )}
        </div>
        <div class="split__right">
          <div class="panel">
            {turns.length > 0 && (
              <Section title="Latency per turn">
                <TurnChart turns={turns} />
              </Section>
            )}
            <Section title={`Conversation scores${scores.length ? ` (${scores.length})` : ''}`}>
              <ScoreList
                scores={scores}
                empty="No scores on this conversation. Scores of single turns are on their traces."
              />
            </Section>
            <Section title={`Feedback${feedback.length ? ` (${feedback.length})` : ''}`}>
              <FeedbackList feedback={feedback} />
            </Section>
          </div>
        </div>
      </div>
    </div>
  )
}
