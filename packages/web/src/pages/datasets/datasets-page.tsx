import { useState } from 'preact/hooks'
import { ErrorBanner, Loading } from '../../components/misc.js'
import type { StoredDataset } from '../../lib/api-types.js'
import { formatDateTime, formatInt, formatTime, plural } from '../../lib/format.js'
import { Link, navigate } from '../../lib/router.js'
import { useApi } from '../../lib/use-api.js'
import { useGlobal } from '../../lib/use-window.js'
import { DatasetForm } from './dataset-form.js'

function NoDatasets({ onCreate }: { onCreate(): void }) {
  return (
    <div class="empty">
      <h2>No datasets yet</h2>
      <p>
        A dataset is a list of examples — what users ask and what a good answer contains. Run a prompt or
        model over it, check every answer, and compare two runs item by item before you ship a change.{' '}
        <code>npm start</code> (the demo) creates <code>support-faq</code> and runs the production prompt over
        it.
      </p>
      <div class="empty__ways">
        <div class="empty__way">
          <h4>Import a file</h4>
          <p>JSONL or CSV with a query and an expected answer per line.</p>
          <button type="button" class="button button--primary" onClick={onCreate}>
            New dataset
          </button>
        </div>
        <div class="empty__way">
          <h4>From recorded traces, or in CI</h4>
          <pre class="code">{`chatlens datasets from-traces support-faq --tag escalated --limit 50
chatlens eval --dataset support-faq --prompt support-system@7 --fail-on-regression`}</pre>
        </div>
      </div>
    </div>
  )
}

/** Every dataset with its size and latest version. */
export function DatasetsPage() {
  const g = useGlobal()
  const list = useApi<{ data: StoredDataset[] }>('/api/v1/datasets', {}, g.tick)
  const [creating, setCreating] = useState(false)
  const datasets = list.data?.data ?? []
  return (
    <div class="page page--wide">
      <div class="page__head">
        <h1>Datasets</h1>
        {list.data && <span class="page__count">{plural(datasets.length, 'dataset')}</span>}
        <div class="page__filters">
          <button type="button" class="button button--primary" onClick={() => setCreating(true)}>
            New dataset
          </button>
        </div>
      </div>
      {list.error && <ErrorBanner error={list.error} />}
      {creating && (
        <DatasetForm
          onCancel={() => setCreating(false)}
          onSaved={(d) => navigate(`/datasets/${encodeURIComponent(d.name)}`)}
        />
      )}
      {!list.data && !list.error ? (
        <Loading />
      ) : datasets.length === 0 ? (
        !creating && <NoDatasets onCreate={() => setCreating(true)} />
      ) : (
        <section class="panel">
          <table class="table datasets">
            <thead>
              <tr>
                <th>Dataset</th>
                <th class="num">Items</th>
                <th class="num">Version</th>
                <th>Updated</th>
              </tr>
            </thead>
            <tbody>
              {datasets.map((d) => (
                <tr key={d.id} data-dataset={d.name}>
                  <td>
                    <Link class="strong" href={`/datasets/${encodeURIComponent(d.name)}`}>
                      {d.name}
                    </Link>
                    {d.description && <div class="muted small">{d.description}</div>}
                  </td>
                  <td class="num">{formatInt(d.itemCount)}</td>
                  <td class="num">v{d.latestVersion}</td>
                  <td title={formatDateTime(d.updatedAt)}>{formatTime(d.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  )
}
