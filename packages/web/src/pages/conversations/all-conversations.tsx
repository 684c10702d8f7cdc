import type { ComponentChildren } from 'preact'
import { useEffect } from 'preact/hooks'
import { GettingStarted, NoMatch } from '../../components/empty-state.js'
import { FilterInput } from '../../components/filter-input.js'
import { ErrorBanner, Loading } from '../../components/misc.js'
import { VirtualTable } from '../../components/virtual-table.js'
import type { Page, SessionWithStats } from '../../lib/api-types.js'
import { formatInt } from '../../lib/format.js'
import { setParams, useLocation } from '../../lib/router.js'
import { rememberValues } from '../../lib/suggestions.js'
import { useApi, usePaged } from '../../lib/use-api.js'
import { useGlobal } from '../../lib/use-window.js'
import { CONVERSATION_COLUMNS } from './conversation-columns.js'

const PAGE_SIZE = 200

/** Every conversation of the range, newest first, in a virtualised table. */
export function AllConversations({ tabs }: { tabs: ComponentChildren }) {
  const { params, search } = useLocation()
  const g = useGlobal()
  const userId = params.get('userId') ?? ''
  const resolved = params.get('resolved') ?? ''
  const query = { ...g.window, bot: g.filters.bot, environment: g.filters.environment, userId, resolved }
  const list = usePaged<SessionWithStats>('/api/v1/sessions', query, PAGE_SIZE, g.tick)
  useEffect(
    () =>
      rememberValues({ bot: list.rows.map((s) => s.bot), environment: list.rows.map((s) => s.environment) }),
    [list.rows],
  )

  const empty = !list.loading && !list.error && list.rows.length === 0
  const anyAtAll = useApi<Page<SessionWithStats>>(empty ? '/api/v1/sessions' : null, { limit: 1 })
  return (
    <>
      <div class="page__head">
        <h1>Conversations</h1>
        {tabs}
        <span class="page__count" aria-live="polite">
          {list.loading && list.rows.length === 0
            ? 'loading…'
            : `${formatInt(list.rows.length)}${list.hasMore ? '+' : ''} conversations`}
        </span>
        <div class="page__filters">
          <FilterInput
            label="User"
            name="userId"
            value={userId}
            width={110}
            onCommit={(v) => setParams({ userId: v })}
          />
          <label class="filter">
            <span class="filter__label">Resolution</span>
            <select
              class="filter__input"
              name="resolved"
              value={resolved}
              onChange={(e) => setParams({ resolved: e.currentTarget.value })}
            >
              <option value="">any</option>
              <option value="true">Resolved</option>
              <option value="false">Unresolved</option>
            </select>
          </label>
        </div>
      </div>
      {list.error && <ErrorBanner error={list.error} />}
      {empty ? (
        anyAtAll.data === null ? (
          <Loading />
        ) : anyAtAll.data.data.length === 0 ? (
          <GettingStarted what="conversations" />
        ) : (
          <NoMatch what="conversations" />
        )
      ) : (
        <VirtualTable<SessionWithStats>
          label="Conversations"
          rows={list.rows}
          columns={CONVERSATION_COLUMNS}
          rowKey={(s) => s.id}
          rowHref={(s) => `/conversations/${encodeURIComponent(s.id)}${search}`}
          onEndReached={list.hasMore ? list.loadMore : undefined}
          footer={
            list.loading ? (
              <Loading label={list.rows.length ? 'Loading more…' : 'Loading conversations…'} />
            ) : list.hasMore ? (
              <button type="button" class="button" onClick={list.loadMore}>
                Load more
              </button>
            ) : list.rows.length > 0 ? (
              <span class="muted">All {formatInt(list.rows.length)} conversations in this range loaded</span>
            ) : null
          }
        />
      )}
    </>
  )
}
