import { useEffect, useMemo } from 'preact/hooks'
import { Note } from '../../components/field.js'
import { Icon } from '../../components/icons.js'
import { Badge, ErrorBanner, Loading, Stat } from '../../components/misc.js'
import { apiSend } from '../../lib/api.js'
import type { RunSummary, StoredDatasetItem, StoredRun, StoredRunItem } from '../../lib/api-types.js'
import {
  formatCost,
  formatDateTime,
  formatInt,
  formatMs,
  formatPercent,
  formatScore,
} from '../../lib/format.js'
import { Link } from '../../lib/router.js'
import { useAction } from '../../lib/use-action.js'
import { useApi } from '../../lib/use-api.js'
import { describeRunConfig, runLabel } from './item-text.js'
import { RunItems } from './run-items.js'
import { RunProgress, RunStatus } from './run-status.js'

const POLL_MS = 1000

function Summary({ s }: { s: RunSummary }) {
  return (
    <>
      <div class="stats">
        <Stat label="Pass rate">
          <span data-pass-rate={s.passRate ?? ''}>{formatPercent(s.passRate)}</span>
        </Stat>
        <Stat label="Passed · failed">{`${formatInt(s.passed)} · ${formatInt(s.failed)}`}</Stat>
        <Stat label="Model errors">{formatInt(s.errors)}</Stat>
        <Stat label="Latency mean · p95">{`${formatMs(s.latencyMs.mean)} · ${formatMs(s.latencyMs.p95)}`}</Stat>
        <Stat label="Cost">{formatCost(s.costUsd.total)}</Stat>
        <Stat label="Tokens in · out">{`${formatInt(s.tokens.input)} · ${formatInt(s.tokens.output)}`}</Stat>
        {s.judgeCostUsd > 0 && <Stat label="Judge cost">{formatCost(s.judgeCostUsd)}</Stat>}
      </div>
      <div class="run-summary">
        <table class="table">
          <thead>
            <tr>
              <th>Check</th>
              <th class="num">Passed</th>
              <th class="num">Failed</th>
              <th class="num">Skipped</th>
              <th class="num">Pass rate</th>
            </tr>
          </thead>
          <tbody>
            {s.assertions.map((a) => (
              <tr key={a.name} data-assertion={a.name}>
                <td>{a.name}</td>
                <td class="num">{a.passed}</td>
                <td class="num">{a.failed}</td>
                <td class="num">{a.skipped}</td>
                <td class="num">{formatPercent(a.passRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div class="badges run-summary__scores">
          {Object.entries(s.scores).map(([name, v]) => (
            <Badge key={name} tone="tag" title={`mean of ${v.n}`}>
              {name} {formatScore(v.mean)}
            </Badge>
          ))}
        </div>
      </div>
    </>
  )
}

/** One run: its progress (followed while it runs), summary, and every execution with its checks. */
export function RunPage({ dataset, id }: { dataset: string; id: string }) {
  const run = useApi<StoredRun>(`/api/v1/runs/${encodeURIComponent(id)}`)
  const items = useApi<{ data: StoredRunItem[] }>(`/api/v1/runs/${encodeURIComponent(id)}/items`)
  const r = run.data
  const version = r?.datasetVersion
  const source = useApi<{ data: StoredDatasetItem[] }>(
    version ? `/api/v1/datasets/${encodeURIComponent(dataset)}/items` : null,
    { version },
  )
  const byId = useMemo(() => new Map((source.data?.data ?? []).map((i) => [i.id, i])), [source.data])
  const { busy, note, run: act } = useAction()
  const running = r?.status === 'running'
  useEffect(() => {
    if (!running) return
    const t = setInterval(() => {
      run.reload()
      items.reload()
    }, POLL_MS)
    return () => clearInterval(t)
  }, [running])
  // The last poll of a run may come before its last items: read them once more when it ends.
  useEffect(() => {
    if (r && !running) items.reload()
  }, [r?.status])

  const back = (
    <Link class="back" href={`/datasets/${encodeURIComponent(dataset)}?tab=runs`}>
      <Icon name="back" size={14} /> {dataset}
    </Link>
  )
  if (run.error || !r)
    return (
      <div class="page">
        {back}
        {run.error ? <ErrorBanner error={run.error} /> : <Loading />}
      </div>
    )
  return (
    <div class="page page--wide" data-run-status={r.status}>
      {back}
      <div class="page__head">
        <h1>{runLabel(r)}</h1>
        <RunStatus run={r} />
        <RunProgress run={r} />
        {r.simulated && <Badge tone="warn">simulated model</Badge>}
        <span class="page__count">
          {describeRunConfig(r)} · dataset v{r.datasetVersion} · {r.environment} · started{' '}
          {formatDateTime(r.startedAt ?? r.createdAt)}
        </span>
        <div class="page__filters">
          {running && (
            <button
              type="button"
              class="button"
              disabled={busy !== null}
              onClick={() =>
                act(
                  'cancel',
                  () => apiSend('POST', `/api/v1/runs/${id}/cancel`),
                  () => 'Cancelling…',
                )
              }
            >
              Cancel run
            </button>
          )}
        </div>
      </div>
      <Note note={note} />
      {r.error && <div class="banner banner--error">{r.error}</div>}
      {r.summary && <Summary s={r.summary as unknown as RunSummary} />}
      <section class="panel">
        <div class="panel__title">Executions</div>
        {items.error && <ErrorBanner error={items.error} />}
        {items.data ? <RunItems items={items.data.data} dataset={byId} /> : <Loading />}
      </section>
    </div>
  )
}
