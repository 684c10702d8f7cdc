import { Icon } from '../../components/icons.js'
import { ErrorBanner, Loading, Stat } from '../../components/misc.js'
import type { ExperimentView } from '../../lib/api-types.js'
import { formatDateTime, formatTime } from '../../lib/format.js'
import { Link } from '../../lib/router.js'
import { useApi } from '../../lib/use-api.js'
import { useGlobal } from '../../lib/use-window.js'
import { ExperimentActions } from './experiment-actions.js'
import { ResultsView } from './results-view.js'
import { ExperimentStatus } from './status.js'

function History({ e }: { e: ExperimentView }) {
  return (
    <ul class="history">
      {[...e.history].reverse().map((h, i) => (
        <li key={i}>
          <span class="muted" title={formatDateTime(h.at)}>
            {formatTime(h.at)}
          </span>{' '}
          <span class="strong">{h.action}</span>
          {h.winner && ` · winner ${h.winner}`}
          {h.seed && h.action === 'rerandomized' && ` · new seed ${h.seed}`}
          {h.note && <span class="muted"> · “{h.note}”</span>}
          {h.by && <span class="muted small"> · by {h.by}</span>}
        </li>
      ))}
    </ul>
  )
}

/** One experiment: its design and lifecycle, and its results with the recommendation. */
export function ExperimentPage({ experimentKey }: { experimentKey: string }) {
  const g = useGlobal()
  const loaded = useApi<ExperimentView>(
    `/api/v1/experiments/${encodeURIComponent(experimentKey)}`,
    {},
    g.tick,
  )
  const back = (
    <Link class="back" href="/experiments">
      <Icon name="back" size={14} /> Experiments
    </Link>
  )
  if (loaded.error || !loaded.data)
    return (
      <div class="page">
        {back}
        {loaded.error ? <ErrorBanner error={loaded.error} /> : <Loading />}
      </div>
    )
  const e = loaded.data
  const s = e.settings
  return (
    <div class="page page--wide">
      {back}
      <div class="page__head">
        <h1>{e.name}</h1>
        <ExperimentStatus status={e.status} />
        <code class="id">{e.key}</code>
        <div class="page__filters">
          <ExperimentActions e={e} onChanged={loaded.reload} />
        </div>
      </div>
      {e.hypothesis && <p class="experiment__hypothesis">Hypothesis: {e.hypothesis}</p>}
      {e.description && <p class="muted">{e.description}</p>}
      <div class="stats">
        <Stat label="Randomised by">{e.unit === 'session' ? 'conversation' : 'user'}</Stat>
        <Stat label="Primary metric">
          <span class="mono small">{e.primaryMetric}</span>
        </Stat>
        <Stat label="Guardrails">
          <span class="mono small">{e.guardrails.join(', ') || '–'}</span>
        </Stat>
        <Stat label="Statistics">{s.sequential ? 'always-valid (sequential)' : 'fixed horizon'}</Stat>
        <Stat label="Alpha · power">{`${s.alpha} · ${s.power}`}</Stat>
        <Stat label="Correction">{s.correction}</Stat>
        <Stat label="Minimum effect">{`${(s.minimumEffect * 100).toFixed(s.minimumEffect < 0.1 ? 1 : 0)} %`}</Stat>
        <Stat label="Started">{formatDateTime(e.startedAt)}</Stat>
        {e.stoppedAt && <Stat label="Stopped">{formatDateTime(e.stoppedAt)}</Stat>}
      </div>
      {e.status === 'draft' ? (
        <p class="banner banner--info">
          A draft assigns no one yet. Start it to send traffic to its variants.
        </p>
      ) : (
        <ResultsView experimentKey={e.key} refresh={g.tick} />
      )}
      <section class="panel" aria-label="History">
        <div class="panel__title">History</div>
        <History e={e} />
      </section>
    </div>
  )
}
