import { Badge } from '../../components/misc.js'
import type { StoredRun } from '../../lib/api-types.js'

const TONE = { running: 'accent', completed: 'ok', failed: 'error', cancelled: 'neutral' } as const

export function RunStatus({ run }: { run: Pick<StoredRun, 'status'> }) {
  return (
    <Badge tone={TONE[run.status]}>
      <span data-run-status={run.status}>{run.status}</span>
    </Badge>
  )
}

/** How far a run got: a bar and "7 / 10". */
export function RunProgress({ run }: { run: Pick<StoredRun, 'done' | 'total'> }) {
  const share = run.total ? run.done / run.total : 0
  return (
    <span class="progress" title={`${run.done} of ${run.total} executions`}>
      <span class="meter meter--wide" aria-hidden="true">
        <span style={{ width: `${share * 100}%` }} />
      </span>
      <span class="small">
        {run.done} / {run.total}
      </span>
    </span>
  )
}
