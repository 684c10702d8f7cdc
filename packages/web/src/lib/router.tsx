import type { ComponentChildren, JSX } from 'preact'
import { useEffect, useState } from 'preact/hooks'

/** A tiny History API router: the path picks the page, the query string holds its state. */
const CHANGE_EVENT = 'chatlens:navigate'

export type Loc = { path: string; params: URLSearchParams; search: string }

function current(): Loc {
  const { pathname, search } = window.location
  return { path: pathname, params: new URLSearchParams(search), search }
}

export function navigate(to: string, { replace = false }: { replace?: boolean } = {}): void {
  const here = window.location.pathname + window.location.search
  if (to === here) return
  if (replace) history.replaceState(null, '', to)
  else history.pushState(null, '', to)
  window.dispatchEvent(new Event(CHANGE_EVENT))
}

/** Sets (string) or removes (null/'') query parameters of the current address. */
export function setParams(
  patch: Record<string, string | null | undefined>,
  options: { replace?: boolean } = {},
): void {
  const params = new URLSearchParams(window.location.search)
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || v === undefined || v === '') params.delete(k)
    else params.set(k, v)
  }
  const s = params.toString()
  navigate(window.location.pathname + (s ? `?${s}` : ''), options)
}

export function useLocation(): Loc {
  const [loc, setLoc] = useState(current)
  useEffect(() => {
    const update = () => setLoc(current())
    window.addEventListener('popstate', update)
    window.addEventListener(CHANGE_EVENT, update)
    return () => {
      window.removeEventListener('popstate', update)
      window.removeEventListener(CHANGE_EVENT, update)
    }
  }, [])
  return loc
}

type LinkProps = Omit<JSX.HTMLAttributes<HTMLAnchorElement>, 'href'> & {
  href: string
  children?: ComponentChildren
}

/** An ordinary link (middle-click and ctrl-click open a tab) that navigates in place otherwise. */
export function Link({ href, onClick, children, ...rest }: LinkProps) {
  return (
    <a
      {...rest}
      href={href}
      onClick={(e) => {
        if (onClick) (onClick as (e: MouseEvent) => void)(e)
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
        e.preventDefault()
        navigate(href)
      }}
    >
      {children}
    </a>
  )
}
