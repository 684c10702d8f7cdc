import { Stat } from '../../components/misc.js'
import type { ConversationAnalysis, Session } from '../../lib/api-types.js'
import { humanize } from '../../lib/format.js'
import { ResolvedBadge, Satisfaction } from '../conversations/conversation-columns.js'

const SATISFACTION_SOURCE = { reported: 'reported', feedback: 'from feedback', unknown: '' } as const

/** Resolution as reported, or as inferred from the turns' stages (with the reason). */
export function ResolutionStat({ s, a }: { s: Session; a: ConversationAnalysis | null }) {
  const r = a?.resolution
  const resolved = s.resolved ?? r?.resolved ?? null
  return (
    <Stat label="Resolution" title={r?.why}>
      <span data-resolution={String(resolved)}>
        <ResolvedBadge resolved={resolved} />
      </span>
      {r && r.source !== 'unknown' && <span class="muted small"> {r.source}</span>}
    </Stat>
  )
}

/** Satisfaction as reported, or the mean of the users' feedback. */
export function SatisfactionStat({ s, a }: { s: Session; a: ConversationAnalysis | null }) {
  const value = s.satisfaction ?? a?.satisfaction.value ?? null
  return (
    <Stat label="Satisfaction">
      <Satisfaction value={value} />
      {a && a.satisfaction.source !== 'unknown' && (
        <span class="muted small"> {SATISFACTION_SOURCE[a.satisfaction.source]}</span>
      )}
    </Stat>
  )
}

/** The stages chatlens detected in the turns, in order of first appearance. */
export function StagesStat({ a }: { a: ConversationAnalysis | null }) {
  const stages = a ? Object.entries(a.stages) : []
  return (
    <Stat
      label="Detected stages"
      title="Stage of each turn, by keyword rules over the user's message and the answer"
    >
      <span data-stages>
        {stages.length === 0
          ? '–'
          : stages.map(([stage, n]) => `${humanize(stage)}${n! > 1 ? ` ×${n}` : ''}`).join(' → ')}
      </span>
    </Stat>
  )
}
