import { Badge } from '../../components/misc.js'
import type { StoredExperiment } from '../../lib/api-types.js'

const TONE = { draft: 'neutral', running: 'accent', stopped: 'tag' } as const
const LABEL = { draft: 'Draft', running: 'Running', stopped: 'Stopped' } as const

export function ExperimentStatus({ status }: { status: StoredExperiment['status'] }) {
  return (
    <Badge tone={TONE[status]}>
      <span data-status={status}>{LABEL[status]}</span>
    </Badge>
  )
}

/** "support-system v2 · temperature 0.7": what a variant changes. */
export function variantSummary(v: StoredExperiment['variants'][number]): string {
  const parts: string[] = []
  if (v.prompt)
    parts.push(`${v.prompt.name} v${v.prompt.version}${v.prompt.label ? ` (${v.prompt.label})` : ''}`)
  const o = v.overrides
  if (o.systemMessage) parts.push('own system message')
  if (o.model) parts.push(o.model)
  if (o.temperature !== undefined) parts.push(`temperature ${o.temperature}`)
  if (o.maxTokens !== undefined) parts.push(`max ${o.maxTokens} tokens`)
  return parts.join(' · ') || 'the default experience'
}
