/**
 * Every page of the dashboard, in navigation order. Pages whose API has not landed yet stay
 * out of the navigation (`ready: false`) rather than showing empty or invented numbers.
 */
export type NavItem = { id: string; label: string; path: string; ready: boolean }

export const NAV: NavItem[] = [
  { id: 'overview', label: 'Overview', path: '/overview', ready: true },
  { id: 'traces', label: 'Traces', path: '/traces', ready: true },
  { id: 'conversations', label: 'Conversations', path: '/conversations', ready: true },
  { id: 'alerts', label: 'Alerts', path: '/alerts', ready: true },
  { id: 'prompts', label: 'Prompts', path: '/prompts', ready: true },
  { id: 'experiments', label: 'Experiments', path: '/experiments', ready: true },
  { id: 'datasets', label: 'Datasets', path: '/datasets', ready: true },
  { id: 'recommendations', label: 'Recommendations', path: '/recommendations', ready: true },
  { id: 'playground', label: 'Playground', path: '/playground', ready: true },
]

export const HOME = NAV.find((n) => n.ready)!.path

/** The nav item a path belongs to (`/traces/abc` → traces). */
export function navFor(path: string): NavItem | undefined {
  return NAV.find((n) => path === n.path || path.startsWith(`${n.path}/`))
}
