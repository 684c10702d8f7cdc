import { Badge } from '../../components/misc.js'

/** The labels people usually keep; any other name is a custom label. */
export const STANDARD_LABELS = ['production', 'staging', 'preview'] as const

const TONE: Record<string, string> = {
  production: 'ok',
  staging: 'warn',
  preview: 'accent',
  latest: 'neutral',
}

export function LabelBadge({ label, version }: { label: string; version?: number }) {
  return (
    <Badge
      tone={TONE[label] ?? 'tag'}
      title={version === undefined ? undefined : `${label} → version ${version}`}
    >
      <span data-label={label}>
        {label}
        {version === undefined ? '' : ` → v${version}`}
      </span>
    </Badge>
  )
}

/** Where each label of a prompt points, production first. */
export function LabelBadges({ labels }: { labels: Record<string, number> }) {
  const order = (l: string) => {
    const i = (STANDARD_LABELS as readonly string[]).indexOf(l)
    return i < 0 ? STANDARD_LABELS.length : i
  }
  const sorted = Object.entries(labels).sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
  return (
    <span class="badges">
      {sorted.map(([l, v]) => (
        <LabelBadge key={l} label={l} version={v} />
      ))}
    </span>
  )
}
