import { Badge } from '../../components/misc.js'
import type { AlertRule } from '../../lib/api-types.js'

const TONE: Record<AlertRule['severity'], string> = {
  low: 'neutral',
  medium: 'warn',
  high: 'error',
  critical: 'critical',
}

export function SeverityBadge({ severity }: { severity: AlertRule['severity'] }) {
  return <Badge tone={TONE[severity]}>{severity}</Badge>
}

/** Firing, OK, or off (a disabled rule is not checked). */
export function RuleState({ rule }: { rule: AlertRule }) {
  if (!rule.enabled) return <Badge tone="neutral">Muted</Badge>
  return rule.state === 'firing' ? <Badge tone="error">Firing</Badge> : <Badge tone="ok">OK</Badge>
}
