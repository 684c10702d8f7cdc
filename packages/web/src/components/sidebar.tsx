import { signOut } from '../lib/auth.js'
import { Link } from '../lib/router.js'
import { NAV, navFor } from '../routes.js'
import { Icon, Logo } from './icons.js'
import { useFiringCount } from './use-firing.js'

/** Left navigation: only pages that exist are listed; links keep the time range and filters. */
export function Sidebar({ path, carry, project }: { path: string; carry: string; project: string | null }) {
  const active = navFor(path)?.id
  const firing = useFiringCount()
  return (
    <nav class="sidebar" aria-label="Main">
      <div class="sidebar__brand">
        <Logo />
        <span>chatlens</span>
      </div>
      <ul class="sidebar__nav">
        {NAV.filter((n) => n.ready).map((n) => (
          <li key={n.id}>
            <Link
              href={n.path + carry}
              class={`sidebar__link${active === n.id ? ' is-active' : ''}`}
              aria-current={active === n.id ? 'page' : undefined}
            >
              <Icon name={n.id} />
              {n.label}
              {n.id === 'alerts' && firing ? (
                <span class="sidebar__count" title={`${firing} alert rules firing`}>
                  {firing}
                </span>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
      <div class="sidebar__foot">
        {project && (
          <div class="sidebar__project" title="Project of this API key">
            <span class="muted">Project</span>
            <span class="truncate">{project}</span>
          </div>
        )}
        <button type="button" class="sidebar__signout" onClick={() => signOut('signed_out')}>
          <Icon name="signout" />
          Sign out
        </button>
      </div>
    </nav>
  )
}
