import { useState } from 'preact/hooks'
import { Badge, ErrorBanner, Loading } from '../../components/misc.js'
import type { StoredRun } from '../../lib/api-types.js'
import { formatCost, formatDateTime, formatMs, formatPercent, formatTime } from '../../lib/format.js'
import { Link, navigate } from '../../lib/router.js'
import type { Loaded } from '../../lib/use-api.js'
import { describeRunConfig, runLabel } from './item-text.js'
import { RunProgress, RunStatus } from './run-status.js'

type Summary = { passRate?: number | null; latencyMs?: { mean: number | null }; costUsd?: { total: number } }

/** Picks two runs of the dataset and opens their item-by-item comparison. */
function ComparePicker({ dataset, runs }: { dataset: string; runs: StoredRun[] }) {
  const done = runs.filter((r) => r.status !== 'running')
  const [baseline, setBaseline] = useState(done[1]?.id ?? '')
  const [candidate, setCandidate] = useState(done[0]?.id ?? '')
  if (done.length < 2) return <span class="muted small">Two finished runs can be compared item by item.</span>
  const pick = (value: string, set: (v: string) => void, label: string) => (
    <select
      class="input input--small"
      aria-label={label}
      name={label}
      value={value}
      onChange={(e) => set(e.currentTarget.value)}
    >
      {done.map((r) => (
        <option key={r.id} value={r.id}>
          {runLabel(r)} · {formatTime(r.createdAt)}
        </option>
      ))}
    </select>
  )
  return (
    <form
      class="compare-picker"
      onSubmit={(e) => {
        e.preventDefault()
        navigate(
          `/datasets/${encodeURIComponent(dataset)}/compare?baseline=${baseline}&candidate=${candidate}`,
        )
      }}
    >
      <span class="muted">Compare</span>
      {pick(candidate, setCandidate, 'candidate')}
      <span class="muted">against the baseline</span>
      {pick(baseline, setBaseline, 'baseline')}
      <button type="submit" class="button button--small" disabled={baseline === candidate}>
        Compare
      </button>
    </form>
  )
}

/** The runs of a dataset, newest first: configuration, progress, pass rate, latency, cost. */
export function DatasetRuns({ dataset, runs }: { dataset: string; runs: Loaded<{ data: StoredRun[] }> }) {
  if (runs.error) return <ErrorBanner error={runs.error} />
  if (!runs.data) return <Loading />
  const list = runs.data.data
  if (list.length === 0)
    return <p class="muted">No runs yet. Start one to send every item through a prompt.</p>
  return (
    <>
      <ComparePicker dataset={dataset} runs={list} />
      <table class="table runs">
        <thead>
          <tr>
            <th>Run</th>
            <th>Status</th>
            <th>Configuration</th>
            <th class="num">Dataset</th>
            <th>Progress</th>
            <th class="num">Pass rate</th>
            <th class="num">Mean latency</th>
            <th class="num">Cost</th>
            <th>Started</th>
          </tr>
        </thead>
        <tbody>
          {list.map((r) => {
            const s = (r.summary ?? {}) as Summary
            return (
              <tr key={r.id} data-run={r.id}>
                <td>
                  <Link class="strong" href={`/datasets/${encodeURIComponent(dataset)}/runs/${r.id}`}>
                    {runLabel(r)}
                  </Link>
                  <div class="muted small mono">{r.id.slice(-12)}</div>
                </td>
                <td>
                  <RunStatus run={r} />
                </td>
                <td>
                  {describeRunConfig(r)} {r.simulated && <Badge tone="warn">simulated</Badge>}
                </td>
                <td class="num">v{r.datasetVersion}</td>
                <td>
                  <RunProgress run={r} />
                </td>
                <td class="num">{formatPercent(s.passRate)}</td>
                <td class="num">{formatMs(s.latencyMs?.mean)}</td>
                <td class="num">{formatCost(s.costUsd?.total)}</td>
                <td title={formatDateTime(r.createdAt)}>{formatTime(r.createdAt)}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </>
  )
}
