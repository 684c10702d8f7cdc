import { useState } from 'preact/hooks'
import { JsonView } from '../../components/json-view.js'
import { Badge, Section, Stat, StatusBadge } from '../../components/misc.js'
import { FeedbackList, ScoreList } from '../../components/scores.js'
import { Segmented } from '../../components/segmented.js'
import type { Feedback, Score, Span, Trace } from '../../lib/api-types.js'
import { formatCost, formatDateTime, formatInt, formatMs } from '../../lib/format.js'
import { type IoMode, IoView } from './io-view.js'

type Node = { kind: 'trace'; item: Trace } | { kind: 'span'; item: Span }

function tokens(n: { inputTokens: number | null; outputTokens: number | null; totalTokens: number | null }) {
  if (n.totalTokens === null && n.inputTokens === null) return '–'
  return `${formatInt(n.totalTokens ?? (n.inputTokens ?? 0) + (n.outputTokens ?? 0))} (${formatInt(n.inputTokens)} in · ${formatInt(n.outputTokens)} out)`
}

/** Everything about the trace itself or one of its spans, with the scores attached to it. */
export function NodePanel({
  node,
  t0,
  scores,
  feedback,
}: {
  node: Node
  t0: number
  scores: Score[]
  feedback: Feedback[] | null
}) {
  const [mode, setMode] = useState<IoMode>('chat')
  const n = node.item
  const start = node.kind === 'trace' ? node.item.timestamp : node.item.startTime
  const end =
    node.kind === 'trace'
      ? (node.item.endTime ?? (node.item.latencyMs !== null ? start + node.item.latencyMs : null))
      : node.item.endTime
  const ttft =
    node.kind === 'trace'
      ? node.item.timeToFirstTokenMs
      : node.item.completionStartTime !== null
        ? node.item.completionStartTime - start
        : null
  const params = n.parameters && Object.keys(n.parameters).length ? n.parameters : null
  return (
    <div class="panel node" data-node={node.kind === 'span' ? node.item.id : 'trace'}>
      <div class="node__head">
        <span class={`kind kind--${node.kind === 'trace' ? 'trace' : node.item.kind}`}>
          {node.kind === 'trace' ? 'trace' : node.item.kind}
        </span>
        <h2 class="truncate">{n.name ?? (node.kind === 'span' ? node.item.kind : 'trace')}</h2>
        <StatusBadge status={n.status} />
        {n.promptName && (
          <Badge tone="accent">
            prompt {n.promptName}
            {n.promptVersion ? ` v${n.promptVersion}` : ''}
          </Badge>
        )}
      </div>
      {n.error && (
        <div class="banner banner--error">
          {n.errorType ? <strong>{n.errorType}: </strong> : null}
          {n.error}
        </div>
      )}
      <div class="stats stats--compact">
        <Stat label="Model">{n.model ?? '–'}</Stat>
        <Stat label="Start" title={formatDateTime(start)}>
          {node.kind === 'trace' ? formatDateTime(start) : `+${formatMs(start - t0)}`}
        </Stat>
        <Stat label="Duration">{end === null ? '–' : formatMs(end - start)}</Stat>
        <Stat label="First token">{formatMs(ttft)}</Stat>
        <Stat label="Tokens">{tokens(n)}</Stat>
        <Stat label="Cost">{formatCost(n.costUsd)}</Stat>
      </div>
      <Section title={`Scores${scores.length ? ` (${scores.length})` : ''}`}>
        <ScoreList
          scores={scores}
          empty={node.kind === 'span' ? 'No scores on this span.' : 'No scores on this trace yet.'}
        />
      </Section>
      <Section
        title="Input and output"
        aside={
          <Segmented<IoMode>
            small
            label="View"
            items={[
              { id: 'chat', label: 'Chat' },
              { id: 'json', label: 'JSON' },
            ]}
            value={mode}
            onSelect={setMode}
          />
        }
      >
        <IoView title="Input" value={n.input} speaker="user" mode={mode} />
        <IoView title="Output" value={n.output} speaker="assistant" mode={mode} />
      </Section>
      {feedback && (
        <Section title={`Feedback${feedback.length ? ` (${feedback.length})` : ''}`}>
          <FeedbackList feedback={feedback} />
        </Section>
      )}
      {params && (
        <Section title="Parameters">
          <JsonView value={params} />
        </Section>
      )}
      {Object.keys(n.metadata).length > 0 && (
        <Section title="Metadata">
          <JsonView value={n.metadata} />
        </Section>
      )}
    </div>
  )
}
