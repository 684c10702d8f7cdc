import { useState } from 'preact/hooks'
import { Badge, ErrorBanner, Loading, LoadMore } from '../../components/misc.js'
import type { OptimizationAction } from '../../lib/api-types.js'
import { formatDateTime, formatTime } from '../../lib/format.js'
import { Link } from '../../lib/router.js'
import type { Paged } from '../../lib/use-api.js'

/** An API key id is long; its end is enough to tell keys apart. `cli` and others stay as they are. */
const actorName = (actor: string | null) =>
  actor === null ? '–' : /^[0-9a-f-]{36}$/.test(actor) ? `key …${actor.slice(-6)}` : actor

const KIND_TONE = { apply: 'accent', promote: 'ok', revert: 'warn' } as const

function Revert({ a, busy, onRevert }: { a: OptimizationAction; busy: boolean; onRevert(): void }) {
  const [confirming, setConfirming] = useState(false)
  if (a.kind === 'revert') return null
  if (a.revertedAt) return <span class="muted small">reverted {formatTime(a.revertedAt)}</span>
  if (!confirming)
    return (
      <button type="button" class="button button--small" onClick={() => setConfirming(true)}>
        Revert…
      </button>
    )
  return (
    <span class="rec-log__confirm">
      <span class="muted small">
        {a.kind === 'promote'
          ? `Point ${a.label} back at v${a.fromVersion}?`
          : 'Stop its experiment and reopen the recommendation?'}
      </span>
      <button type="button" class="button button--small button--danger" disabled={busy} onClick={onRevert}>
        Revert
      </button>
      <button type="button" class="button button--small" onClick={() => setConfirming(false)}>
        Keep
      </button>
    </span>
  )
}

/** Every optimization action, newest first, each with a way to undo it. */
export function ActionLog({
  list,
  busy,
  onRevert,
}: {
  list: Paged<OptimizationAction>
  busy: string | null
  onRevert(a: OptimizationAction): void
}) {
  if (list.error) return <ErrorBanner error={list.error} />
  if (list.rows.length === 0)
    return list.loading ? (
      <Loading />
    ) : (
      <p class="muted">No action yet: applying a recommendation, and each promotion, is logged here.</p>
    )
  return (
    <>
      <table class="table rec-log">
        <thead>
          <tr>
            <th>Time</th>
            <th>Action</th>
            <th>What</th>
            <th>Experiment</th>
            <th>By</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {list.rows.map((a) => (
            <tr
              key={a.id}
              data-action={a.id}
              data-kind={a.kind}
              class={a.revertedAt ? 'is-muted' : undefined}
            >
              <td title={formatDateTime(a.at)}>{formatTime(a.at)}</td>
              <td>
                <Badge tone={KIND_TONE[a.kind]}>{a.kind}</Badge>
              </td>
              <td class="rec-log__summary">{a.summary}</td>
              <td>
                {a.experimentKey ? (
                  <Link href={`/experiments/${encodeURIComponent(a.experimentKey)}`}>{a.experimentKey}</Link>
                ) : (
                  '–'
                )}
              </td>
              <td class="small" title={a.actor ?? undefined}>
                {a.automatic ? 'the optimization cycle' : actorName(a.actor)}
              </td>
              <td class="num">
                <Revert a={a} busy={busy === a.id} onRevert={() => onRevert(a)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <LoadMore list={list} />
    </>
  )
}
