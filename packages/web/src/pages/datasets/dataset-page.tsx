import { useState } from 'preact/hooks'
import { Note } from '../../components/field.js'
import { Icon } from '../../components/icons.js'
import { ErrorBanner, Loading } from '../../components/misc.js'
import { Segmented } from '../../components/segmented.js'
import type { DatasetDetail, StoredRun } from '../../lib/api-types.js'
import { formatDateTime, plural } from '../../lib/format.js'
import { Link, navigate, setParams, useLocation } from '../../lib/router.js'
import type { ActionNote } from '../../lib/use-action.js'
import { useApi } from '../../lib/use-api.js'
import { useGlobal } from '../../lib/use-window.js'
import { AddItems } from './add-items.js'
import { DatasetItems } from './dataset-items.js'
import { DatasetRuns } from './dataset-runs.js'
import { RunForm } from './run-form.js'

type Tab = 'items' | 'runs' | 'add'
const TABS = [
  { id: 'items', label: 'Items' },
  { id: 'runs', label: 'Runs' },
  { id: 'add', label: 'Add items' },
] as const

/** One dataset: its items by version (paged), adding items, and its runs. */
export function DatasetPage({ name }: { name: string }) {
  const { params } = useLocation()
  const g = useGlobal()
  const path = `/api/v1/datasets/${encodeURIComponent(name)}`
  const detail = useApi<DatasetDetail>(path, {}, g.tick)
  const runs = useApi<{ data: StoredRun[] }>(`${path}/runs`, {}, g.tick)
  const [note, setNote] = useState<ActionNote | null>(null)
  const [starting, setStarting] = useState(false)
  const tab = (TABS.find((t) => t.id === params.get('tab'))?.id ?? 'items') as Tab
  const back = (
    <Link class="back" href="/datasets">
      <Icon name="back" size={14} /> Datasets
    </Link>
  )
  if (detail.error || !detail.data)
    return (
      <div class="page">
        {back}
        {detail.error ? <ErrorBanner error={detail.error} /> : <Loading />}
      </div>
    )
  const d = detail.data
  const version = Number(params.get('version') ?? d.latestVersion)
  const current = d.versions.find((v) => v.version === version)
  return (
    <div class="page page--wide">
      {back}
      <div class="page__head">
        <h1>{d.name}</h1>
        <span class="page__count">
          {plural(d.itemCount, 'item')} · version {d.latestVersion}
          {d.description ? ` · ${d.description}` : ''}
        </span>
        <div class="page__filters">
          <button type="button" class="button button--primary" onClick={() => setStarting(true)}>
            Start a run
          </button>
        </div>
      </div>
      <Note note={note} />
      {starting && (
        <RunForm
          dataset={d.name}
          onCancel={() => setStarting(false)}
          onStarted={(run) => navigate(`/datasets/${encodeURIComponent(d.name)}/runs/${run.id}`)}
        />
      )}
      <section class="panel">
        <div class="panel__tabs dataset__tabs">
          <Segmented<Tab>
            label="View"
            items={TABS}
            value={tab}
            onSelect={(id) => setParams({ tab: id === 'items' ? null : id, page: null })}
          />
          {tab === 'items' && (
            <select
              class="input input--small"
              name="version"
              aria-label="Version"
              value={String(version)}
              onChange={(e) => setParams({ version: e.currentTarget.value, page: null })}
            >
              {d.versions.map((v) => (
                <option key={v.version} value={String(v.version)}>
                  v{v.version} · {v.itemCount} items{v.note ? ` · ${v.note}` : ''}
                </option>
              ))}
            </select>
          )}
          {tab === 'items' && current && (
            <span class="muted small">
              {formatDateTime(current.createdAt)} · +{current.added} −{current.removed}
            </span>
          )}
          {tab === 'runs' && runs.data && (
            <span class="muted small">{plural(runs.data.data.length, 'run')}</span>
          )}
        </div>
        {tab === 'items' && (
          <DatasetItems
            dataset={d.name}
            version={version}
            page={Number(params.get('page') ?? 1)}
            refresh={g.tick}
          />
        )}
        {tab === 'runs' && <DatasetRuns dataset={d.name} runs={runs} />}
        {tab === 'add' && (
          <AddItems
            dataset={d.name}
            onAdded={(text) => {
              setNote({ text, error: false })
              detail.reload()
              setParams({ tab: null, version: null, page: null })
            }}
          />
        )}
      </section>
    </div>
  )
}
