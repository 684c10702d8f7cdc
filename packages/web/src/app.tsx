import type { JSX } from 'preact'
import { useEffect } from 'preact/hooks'
import { Sidebar } from './components/sidebar.js'
import { TopBar } from './components/topbar.js'
import type { Project } from './lib/api-types.js'
import { useAuth } from './lib/auth.js'
import { navigate, useLocation } from './lib/router.js'
import { type GlobalFilterKey, globalSearch, readGlobal } from './lib/url-state.js'
import { useApi } from './lib/use-api.js'
import { AlertsPage } from './pages/alerts/alerts-page.js'
import { ConversationPage } from './pages/conversation/conversation-page.js'
import {
  CONVERSATION_ANALYTICS_FILTERS,
  CONVERSATIONS_GLOBAL_FILTERS,
  ConversationsPage,
  conversationsView,
} from './pages/conversations/conversations-page.js'
import { LoginPage } from './pages/login-page.js'
import { OVERVIEW_GLOBAL_FILTERS, OverviewPage } from './pages/overview/overview-page.js'
import { TracePage } from './pages/trace/trace-page.js'
import { TRACES_GLOBAL_FILTERS, TracesPage } from './pages/traces/traces-page.js'
import { registryRoute } from './registry-routes.js'
import { HOME } from './routes.js'

export type Match = { page: JSX.Element; filters: readonly GlobalFilterKey[]; title: string }

function route(path: string, params: URLSearchParams): Match | null {
  const m = (re: RegExp) => re.exec(path)?.[1]
  if (/^\/overview\/?$/.test(path))
    return { page: <OverviewPage />, filters: OVERVIEW_GLOBAL_FILTERS, title: 'Overview' }
  // Alert history is filtered by time only; rules carry their own filters.
  if (/^\/alerts\/?$/.test(path)) return { page: <AlertsPage />, filters: [], title: 'Alerts' }
  if (/^\/traces\/?$/.test(path))
    return { page: <TracesPage />, filters: TRACES_GLOBAL_FILTERS, title: 'Traces' }
  const traceId = m(/^\/traces\/([^/]+)\/?$/)
  if (traceId) {
    const id = decodeURIComponent(traceId)
    return { page: <TracePage key={id} id={id} />, filters: TRACES_GLOBAL_FILTERS, title: 'Trace' }
  }
  if (/^\/conversations\/?$/.test(path)) {
    const filters =
      conversationsView(params) === 'all' ? CONVERSATIONS_GLOBAL_FILTERS : CONVERSATION_ANALYTICS_FILTERS
    return { page: <ConversationsPage />, filters, title: 'Conversations' }
  }
  const sessionId = m(/^\/conversations\/([^/]+)\/?$/)
  if (sessionId) {
    const id = decodeURIComponent(sessionId)
    return {
      page: <ConversationPage key={id} id={id} />,
      filters: CONVERSATIONS_GLOBAL_FILTERS,
      title: 'Conversation',
    }
  }
  return registryRoute(path)
}

function NotFound() {
  return (
    <div class="page">
      <div class="empty">
        <h2>No such page</h2>
        <p>This address is not a page of the dashboard.</p>
      </div>
    </div>
  )
}

function Shell() {
  const { path, params } = useLocation()
  const project = useApi<Project>('/api/v1/project')
  const match = route(path, params)
  useEffect(() => {
    if (path === '/' || path === '') navigate(HOME + window.location.search, { replace: true })
  }, [path])
  useEffect(() => {
    document.title = match ? `${match.title} · chatlens` : 'chatlens'
  }, [match?.title])
  const g = readGlobal(params)
  return (
    <div class="shell">
      <Sidebar path={path} carry={globalSearch(params)} project={project.data?.name ?? null} />
      <div class="main">
        <TopBar g={g} applies={match?.filters ?? []} />
        <main class="content">{match ? match.page : path === '/' ? null : <NotFound />}</main>
      </div>
    </div>
  )
}

export function App() {
  const auth = useAuth()
  return auth.token ? <Shell /> : <LoginPage reason={auth.reason} />
}
