import { useEffect, useMemo, useRef } from 'preact/hooks'
import { GettingStarted, NoMatch } from '../../components/empty-state.js'
import { ErrorBanner, Loading } from '../../components/misc.js'
import { ANALYTICS_FILTERS, analyticsQuery } from '../../lib/analytics-query.js'
import type { EvaluationStatus, Overview, Page, Trace } from '../../lib/api-types.js'
import { useLocation } from '../../lib/router.js'
import { rememberValues } from '../../lib/suggestions.js'
import { globalSearch, RANGES } from '../../lib/url-state.js'
import { useApi } from '../../lib/use-api.js'
import { useGlobal } from '../../lib/use-window.js'
import { OverviewBody } from './overview-body.js'
import { OverviewHead } from './overview-head.js'
import { useSimulated } from './use-simulated.js'

/** The overview reads the analytics API, which applies every global filter. */
export const OVERVIEW_GLOBAL_FILTERS = ANALYTICS_FILTERS

/** The landing page: KPIs against the previous window, quality, latency, cost and sentiment. */
export function OverviewPage() {
  const { params } = useLocation()
  const g = useGlobal()
  const query = useMemo(() => analyticsQuery(g), [g])
  const overview = useApi<Overview>('/api/v1/analytics/overview', query, g.tick)
  const evals = useApi<EvaluationStatus>('/api/v1/evaluations/status', {}, g.tick)
  const simulated = useSimulated(query, g.tick)

  // While a new range loads, the last answer stays on screen (dimmed) instead of a blank page.
  const last = useRef<{ o: Overview; query: string } | null>(null)
  if (overview.data) last.current = { o: overview.data, query: JSON.stringify(query) }
  if (overview.error) last.current = null
  const shown = last.current

  const o = overview.data
  useEffect(() => {
    if (o)
      rememberValues({ category: Object.keys(o.metrics.categories).filter((c) => c !== 'uncategorized') })
  }, [o])

  const nothing = o !== null && o.metrics.interactions === 0 && o.metrics.conversations === 0
  const anyAtAll = useApi<Page<Trace>>(nothing ? '/api/v1/traces' : null, { limit: 1, view: 'summary' })
  const range = RANGES.find((r) => r.id === g.range)
  const previousLabel = range ? range.title.replace(/^Last /, 'the previous ') : 'the window before'

  return (
    <div
      class="page page--overview"
      data-state={overview.loading ? 'loading' : 'ready'}
      data-query={shown?.query}
      aria-busy={overview.loading}
    >
      <OverviewHead
        o={shown?.o ?? null}
        previousLabel={previousLabel}
        simulated={simulated}
        evals={evals.data}
      />
      {overview.error && <ErrorBanner error={overview.error} />}
      {!shown ? (
        overview.error ? null : (
          <Loading label="Loading the overview…" />
        )
      ) : nothing ? (
        anyAtAll.data === null ? (
          <Loading />
        ) : anyAtAll.data.data.length === 0 ? (
          <GettingStarted what="traces" />
        ) : (
          <NoMatch what="interactions" />
        )
      ) : (
        <OverviewBody
          o={shown.o}
          evals={evals.data}
          previousLabel={previousLabel}
          carry={globalSearch(params)}
          stale={overview.loading}
        />
      )}
    </div>
  )
}
