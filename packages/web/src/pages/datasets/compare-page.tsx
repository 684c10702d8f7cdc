import { useMemo } from 'preact/hooks'
import { Icon } from '../../components/icons.js'
import { ErrorBanner, Loading } from '../../components/misc.js'
import { Segmented } from '../../components/segmented.js'
import type { RunCompareResult, StoredDatasetItem } from '../../lib/api-types.js'
import { formatPercent } from '../../lib/format.js'
import { Link, setParams, useLocation } from '../../lib/router.js'
import { useApi } from '../../lib/use-api.js'
import { CompareItems } from './compare-items.js'
import { CompareMetrics } from './compare-metrics.js'

/** Regressions first: they are what a comparison is read for. */
const ORDER = { regressed: 0, improved: 1, added: 2, removed: 3, unchanged: 4 } as const

type Show = 'changed' | 'regressed' | 'improved' | 'all'
const SHOWS = [
  { id: 'changed', label: 'Changed' },
  { id: 'regressed', label: 'Regressed' },
  { id: 'improved', label: 'Improved' },
  { id: 'all', label: 'All items' },
] as const

/** Two runs of a dataset item by item: the gate's verdict, paired tests per metric, and each item. */
export function ComparePage({ dataset }: { dataset: string }) {
  const { params } = useLocation()
  const baseline = params.get('baseline') ?? ''
  const candidate = params.get('candidate') ?? ''
  const show = (SHOWS.find((s) => s.id === params.get('show'))?.id ?? 'changed') as Show
  const c = useApi<RunCompareResult>(
    baseline && candidate ? `/api/v1/runs/${encodeURIComponent(candidate)}/compare` : null,
    { baseline },
  )
  const source = useApi<{ data: StoredDatasetItem[] }>(
    c.data ? `/api/v1/datasets/${encodeURIComponent(dataset)}/items` : null,
    { version: c.data?.candidate.datasetVersion },
  )
  const byId = useMemo(() => new Map((source.data?.data ?? []).map((i) => [i.id, i])), [source.data])
  const back = (
    <Link class="back" href={`/datasets/${encodeURIComponent(dataset)}?tab=runs`}>
      <Icon name="back" size={14} /> {dataset}
    </Link>
  )
  if (!baseline || !candidate)
    return (
      <div class="page">
        {back}
        <p class="muted">Pick two runs to compare on the dataset's Runs tab.</p>
      </div>
    )
  if (c.error || !c.data)
    return (
      <div class="page">
        {back}
        {c.error ? <ErrorBanner error={c.error} /> : <Loading />}
      </div>
    )
  const r = c.data
  const run = (x: RunCompareResult['baseline']) => (
    <Link href={`/datasets/${encodeURIComponent(dataset)}/runs/${x.id}`}>
      {x.name ?? `run ${x.id.slice(-8)}`}
    </Link>
  )
  const items = r.items
    .filter((i) =>
      show === 'all'
        ? true
        : show === 'changed'
          ? i.status !== 'unchanged' || i.worse.length > 0 || i.better.length > 0
          : i.status === show,
    )
    .sort((a, b) => ORDER[a.status] - ORDER[b.status])
  return (
    <div class="page page--wide">
      {back}
      <div class="page__head">
        <h1>Comparison</h1>
        <span class="page__count">
          candidate {run(r.candidate)} ({formatPercent(r.candidate.passRate)} passed) against baseline{' '}
          {run(r.baseline)} ({formatPercent(r.baseline.passRate)})
        </span>
      </div>
      <div
        class={`banner ${r.gate.regression ? 'banner--error' : 'banner--info'}`}
        role="status"
        data-regression={r.gate.regression}
      >
        {r.gate.regression ? 'Regression: ' : 'No regression: '}
        {r.gate.summary}. {r.improved.length} improved.
      </div>
      <section class="panel">
        <div class="chart-panel__head">
          <h2>Metrics</h2>
          <span class="chart-panel__note">
            paired over the items both runs have; significant at α = {r.alpha} (paired t test, else the sign
            test)
          </span>
        </div>
        <CompareMetrics metrics={r.metrics} />
      </section>
      <section class="panel">
        <div class="chart-panel__head">
          <h2>Items</h2>
          <Segmented<Show>
            small
            label="Items"
            items={SHOWS}
            value={show}
            onSelect={(id) => setParams({ show: id === 'changed' ? null : id }, { replace: true })}
          />
          <span class="chart-panel__note">
            {r.regressed.length} regressed · {r.improved.length} improved · {r.items.length} items
          </span>
        </div>
        <CompareItems items={items} dataset={byId} />
      </section>
    </div>
  )
}
