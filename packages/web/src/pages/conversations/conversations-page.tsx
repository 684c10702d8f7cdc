import { FilterInput } from '../../components/filter-input.js'
import { Segmented } from '../../components/segmented.js'
import { analyticsWindow } from '../../lib/analytics-query.js'
import { setParams, useLocation } from '../../lib/router.js'
import { globalSearch } from '../../lib/url-state.js'
import { useGlobal } from '../../lib/use-window.js'
import { AllConversations } from './all-conversations.js'
import { ReviewQueue } from './review-queue.js'
import { Topics } from './topics.js'

/** The conversations API filters by bot and environment; version, model and tag belong to turns. */
export const CONVERSATIONS_GLOBAL_FILTERS = ['bot', 'environment'] as const
/** The review queue and the topics take the bot only. */
export const CONVERSATION_ANALYTICS_FILTERS = ['bot'] as const

export type ConversationsView = 'all' | 'review' | 'topics'
const VIEWS = [
  { id: 'all', label: 'All conversations' },
  { id: 'review', label: 'Needs review', title: 'Conversations that need a human look, most urgent first' },
  { id: 'topics', label: 'Top topics', title: 'What users ask about, grouped' },
] as const

export const conversationsView = (params: URLSearchParams): ConversationsView =>
  VIEWS.find((v) => v.id === params.get('view'))?.id ?? 'all'

export function ConversationsPage() {
  const { params } = useLocation()
  const g = useGlobal()
  const view = conversationsView(params)
  const analytics = { ...analyticsWindow(g), bot: g.filters.bot }
  return (
    <div class={`page${view === 'all' ? ' page--fill' : ''}`}>
      {view === 'all' ? (
        <AllConversations tabs={<Tabs view={view} />} />
      ) : (
        <>
          <div class="page__head">
            <h1>Conversations</h1>
            <Tabs view={view} />
            {view === 'review' && (
              <div class="page__filters">
                <FilterInput
                  label="User"
                  name="userId"
                  value={params.get('userId') ?? ''}
                  width={110}
                  onCommit={(v) => setParams({ userId: v })}
                />
              </div>
            )}
          </div>
          {view === 'review' ? (
            <ReviewQueue
              query={{ ...analytics, userId: params.get('userId') ?? '' }}
              refresh={g.tick}
              carry={globalSearch(params)}
            />
          ) : (
            <Topics query={analytics} refresh={g.tick} />
          )}
        </>
      )}
    </div>
  )
}

export function Tabs({ view }: { view: ConversationsView }) {
  return (
    <Segmented<ConversationsView>
      small
      label="View"
      items={VIEWS}
      value={view}
      onSelect={(id) => setParams({ view: id === 'all' ? null : id })}
    />
  )
}
