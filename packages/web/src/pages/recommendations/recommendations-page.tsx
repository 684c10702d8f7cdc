import { useState } from 'preact/hooks'
import { Note } from '../../components/field.js'
import { ErrorBanner, Loading } from '../../components/misc.js'
import { Segmented } from '../../components/segmented.js'
import { apiSend } from '../../lib/api.js'
import type {
  ApplyResult,
  CycleCheck,
  GenerateResult,
  OptimizationAction,
  StoredRecommendation,
} from '../../lib/api-types.js'
import { formatInt, plural } from '../../lib/format.js'
import { setParams, useLocation } from '../../lib/router.js'
import { RANGES } from '../../lib/url-state.js'
import { useAction } from '../../lib/use-action.js'
import { useApi, usePaged } from '../../lib/use-api.js'
import { refreshNow, useGlobal } from '../../lib/use-window.js'
import { ActionLog } from './action-log.js'
import { AppliedBanner, NoRecommendations } from './notes.js'
import { RecommendationCard } from './recommendation-card.js'

type Status = 'open' | 'applied' | 'dismissed' | ''
const STATUSES = [
  { id: 'open', label: 'Open' },
  { id: 'applied', label: 'Applied' },
  { id: 'dismissed', label: 'Dismissed' },
  { id: '', label: 'All' },
] as const
const ACTIONS_PAGE_SIZE = 50

const generated = (r: GenerateResult) =>
  `Read ${formatInt(r.interactions)} interactions${r.filter.environment ? ` of ${r.filter.environment}` : ''}: ` +
  `${r.created.length} new, ${r.refreshed.length} refreshed, ${r.resolved.length} no longer supported by the data` +
  `${r.snoozed.length ? `, ${r.snoozed.length} recently applied or dismissed left out` : ''}.`
const cycled = (checks: CycleCheck[]) =>
  checks.length === 0
    ? 'No running experiment was opened by a recommendation.'
    : checks.map((c) => `${c.experiment}: ${c.outcome.replace('_', ' ')} (${c.reason})`).join('\n')

/** Recommendations from the data (apply, dismiss), and the log of what the optimizer did (revert). */
export function RecommendationsPage() {
  const { params } = useLocation()
  const g = useGlobal()
  const raw = params.get('status') ?? 'open'
  const status = (raw === 'all' ? '' : raw) as Status
  const recs = useApi<{ data: StoredRecommendation[] }>('/api/v1/recommendations', { status }, g.tick)
  const log = usePaged<OptimizationAction>('/api/v1/optimize/actions', {}, ACTIONS_PAGE_SIZE, g.tick)
  const { busy, note, run } = useAction()
  const [applied, setApplied] = useState<ApplyResult | null>(null)
  const window = RANGES.find((r) => r.id === g.range)?.id ?? '7d'
  const act = async <T,>(id: string, work: () => Promise<T>, done: (r: T) => string) => {
    setApplied(null)
    if ((await run(id, work, done)) !== undefined) refreshNow()
  }
  const patch = (r: StoredRecommendation, body: unknown, done: string) =>
    act(
      r.id,
      () => apiSend('PATCH', `/api/v1/recommendations/${r.id}`, body),
      () => done,
    )
  const list = recs.data?.data ?? []

  return (
    <div class="page page--wide">
      <div class="page__head">
        <h1>Recommendations</h1>
        <Segmented<Status>
          small
          label="Status"
          items={STATUSES}
          value={status}
          onSelect={(s) => setParams({ status: s === 'open' ? null : s || 'all' })}
        />
        {recs.data && <span class="page__count">{plural(list.length, 'recommendation')}</span>}
        <div class="page__filters">
          <button
            type="button"
            class="button"
            disabled={busy !== null}
            title="Checks the experiments opened by applying recommendations, and promotes a winner the statistics say to ship"
            onClick={() =>
              act(
                'cycle',
                () => apiSend<{ checks: CycleCheck[] }>('POST', '/api/v1/optimize/cycle', {}),
                (r) => cycled(r.checks),
              )
            }
          >
            Run the cycle
          </button>
          <button
            type="button"
            class="button button--primary"
            disabled={busy !== null}
            title={`Runs the rules over the production traffic of the last ${window}`}
            onClick={() =>
              act(
                'generate',
                () =>
                  apiSend<{ rules: GenerateResult }>('POST', '/api/v1/recommendations/generate', { window }),
                (r) => generated(r.rules),
              )
            }
          >
            {busy === 'generate' ? 'Reading the data…' : `Generate from the last ${window}`}
          </button>
        </div>
      </div>
      {applied && <AppliedBanner applied={applied} />}
      {note?.text && <Note note={note} />}
      {recs.error && <ErrorBanner error={recs.error} />}
      {!recs.data && !recs.error ? (
        <Loading />
      ) : list.length === 0 ? (
        <NoRecommendations open={status === 'open'} />
      ) : (
        <div class="recs">
          {list.map((r) => (
            <RecommendationCard
              key={r.id}
              r={r}
              busy={busy !== null}
              onApply={() =>
                act(
                  r.id,
                  () => apiSend<ApplyResult>('POST', `/api/v1/recommendations/${r.id}/apply`, {}),
                  (a) => {
                    setApplied(a)
                    return a.experiment ? '' : `Marked “${r.title}” as done.`
                  },
                )
              }
              onDismiss={() => patch(r, { status: 'dismissed' }, `Dismissed “${r.title}”.`)}
              onReopen={() => patch(r, { status: 'open' }, `Reopened “${r.title}”.`)}
            />
          ))}
        </div>
      )}
      <section class="panel" aria-label="Optimization log">
        <div class="chart-panel__head">
          <h2>Optimization log</h2>
          <span class="chart-panel__note">applied recommendations, promotions of winners, and reverts</span>
        </div>
        <ActionLog
          list={log}
          busy={busy}
          onRevert={(a) =>
            act(
              a.id,
              () =>
                apiSend<{ reverted: OptimizationAction }>('POST', `/api/v1/optimize/actions/${a.id}/revert`),
              (x) => `Reverted: ${x.reverted.summary}`,
            )
          }
        />
      </section>
    </div>
  )
}
