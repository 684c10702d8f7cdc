import { useState } from 'preact/hooks'
import { ErrorBanner, Loading } from '../../components/misc.js'
import { Segmented } from '../../components/segmented.js'
import type { ExperimentView } from '../../lib/api-types.js'
import { formatDateTime, formatTime, plural } from '../../lib/format.js'
import { Link, navigate, setParams, useLocation } from '../../lib/router.js'
import { useApi } from '../../lib/use-api.js'
import { useGlobal } from '../../lib/use-window.js'
import { ExperimentForm } from './experiment-form.js'
import { ExperimentStatus } from './status.js'

type Status = '' | 'running' | 'draft' | 'stopped'
const STATUSES = [
  { id: '', label: 'All' },
  { id: 'running', label: 'Running' },
  { id: 'draft', label: 'Drafts' },
  { id: 'stopped', label: 'Stopped' },
] as const

function NoExperiments({ filtered, onCreate }: { filtered: boolean; onCreate(): void }) {
  if (filtered) return <p class="muted">No experiment has this status.</p>
  return (
    <div class="empty">
      <h2>No experiments yet</h2>
      <p>
        An experiment splits your users (or conversations) between variants — prompt versions, a model, a
        temperature — and tells you, with sound statistics, which one to ship. <code>npm start</code> (the
        demo) runs one between two versions of the reference bot's prompt.
      </p>
      <div class="empty__ways">
        <div class="empty__way">
          <h4>Create one here</h4>
          <p>Put the versions to compare in the registry (Prompts), then:</p>
          <button type="button" class="button button--primary" onClick={onCreate}>
            New experiment
          </button>
        </div>
        <div class="empty__way">
          <h4>Serve it from your chatbot</h4>
          <pre class="code">{`const a = await cl.assign('shorter-answers', userId)
const prompt = await cl.prompts.get('support-system', { version: a.config?.prompt?.version })`}</pre>
        </div>
      </div>
    </div>
  )
}

/** Every experiment with its status and variants, newest first. */
export function ExperimentsPage() {
  const { params } = useLocation()
  const g = useGlobal()
  const status = (params.get('status') ?? '') as Status
  const list = useApi<{ data: ExperimentView[] }>('/api/v1/experiments', { status }, g.tick)
  const [creating, setCreating] = useState(false)
  const experiments = list.data?.data ?? []
  return (
    <div class="page page--wide">
      <div class="page__head">
        <h1>Experiments</h1>
        <Segmented<Status>
          small
          label="Status"
          items={STATUSES}
          value={status}
          onSelect={(s) => setParams({ status: s })}
        />
        {list.data && <span class="page__count">{plural(experiments.length, 'experiment')}</span>}
        <div class="page__filters">
          <button type="button" class="button button--primary" onClick={() => setCreating(true)}>
            New experiment
          </button>
        </div>
      </div>
      {list.error && <ErrorBanner error={list.error} />}
      {creating && (
        <ExperimentForm
          onCancel={() => setCreating(false)}
          onSaved={(e) => navigate(`/experiments/${encodeURIComponent(e.key)}`)}
        />
      )}
      {!list.data && !list.error ? (
        <Loading />
      ) : experiments.length === 0 ? (
        !creating && <NoExperiments filtered={status !== ''} onCreate={() => setCreating(true)} />
      ) : (
        <section class="panel">
          <table class="table experiments">
            <thead>
              <tr>
                <th>Status</th>
                <th>Experiment</th>
                <th>Variants</th>
                <th>Unit</th>
                <th>Primary metric</th>
                <th>Started</th>
                <th>Stopped</th>
              </tr>
            </thead>
            <tbody>
              {experiments.map((e) => (
                <tr key={e.key} data-experiment={e.key}>
                  <td>
                    <ExperimentStatus status={e.status} />
                  </td>
                  <td>
                    <Link class="strong" href={`/experiments/${encodeURIComponent(e.key)}`}>
                      {e.name}
                    </Link>
                    <div class="muted small">{e.key}</div>
                  </td>
                  <td>
                    {e.variants.map((v) => (
                      <div key={v.key} class="small">
                        {v.key}
                        {v.key === e.control && <span class="muted"> (control)</span>}
                        <span class="muted"> · weight {v.weight}</span>
                      </div>
                    ))}
                  </td>
                  <td>{e.unit === 'session' ? 'conversation' : 'user'}</td>
                  <td class="mono small">{e.primaryMetric}</td>
                  <td title={e.startedAt ? formatDateTime(e.startedAt) : undefined}>
                    {formatTime(e.startedAt)}
                  </td>
                  <td title={e.stoppedAt ? formatDateTime(e.stoppedAt) : undefined}>
                    {formatTime(e.stoppedAt)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  )
}
