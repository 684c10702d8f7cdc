import type { PromptVersionView } from '../../lib/api-types.js'
import { formatDateTime, formatTime } from '../../lib/format.js'
import { Link } from '../../lib/router.js'
import { LabelBadge } from './labels.js'

/** Every version, newest first, with its labels and commit message; one of them is open. */
export function VersionList({
  versions,
  selected,
  href,
}: {
  versions: PromptVersionView[]
  selected: number
  href(version: number): string
}) {
  return (
    <ul class="version-list" aria-label="Versions">
      {versions.map((v) => (
        <li key={v.version}>
          <Link
            href={href(v.version)}
            class={`version-list__item${v.version === selected ? ' is-active' : ''}`}
            aria-current={v.version === selected ? 'true' : undefined}
            data-version={v.version}
          >
            <span class="version-list__head">
              <span class="strong">v{v.version}</span>
              {v.labels
                .filter((l) => l !== 'latest')
                .map((l) => (
                  <LabelBadge key={l} label={l} />
                ))}
              <span class="muted small version-list__time" title={formatDateTime(v.createdAt)}>
                {formatTime(v.createdAt)}
              </span>
            </span>
            <span class="version-list__msg">
              {v.commitMessage ?? <span class="muted">no commit message</span>}
            </span>
            {v.author && <span class="muted small">by {v.author}</span>}
          </Link>
        </li>
      ))}
    </ul>
  )
}
