import { useEffect, useMemo, useState } from 'preact/hooks'
import { useLocation } from './router.js'
import { type GlobalState, globalSearch, readGlobal, timeWindow } from './url-state.js'

/** Bumped by the Refresh button: relative ranges then end at the new "now". */
let tick = 0
const listeners = new Set<() => void>()

export function refreshNow(): void {
  tick++
  for (const l of listeners) l()
}

export type PageWindow = GlobalState & {
  window: { from: number | undefined; to: number | undefined }
  tick: number
}

/**
 * The global state of the address with its time window resolved once, so a list queries with
 * the same bounds until the range changes or Refresh is pressed.
 */
export function useGlobal(): PageWindow {
  const { params } = useLocation()
  const [t, setT] = useState(tick)
  useEffect(() => {
    const l = () => setT(tick)
    listeners.add(l)
    return () => {
      listeners.delete(l)
    }
  }, [])
  const key = globalSearch(params)
  return useMemo(() => {
    const g = readGlobal(params)
    return { ...g, window: timeWindow(g), tick: t }
  }, [key, t])
}
