import { useMemo } from 'preact/hooks'
import { Changes } from './changes.js'
import { useLocation } from './router.js'
import { type GlobalState, globalSearch, readGlobal, timeWindow } from './url-state.js'

/** Bumped by the Refresh button: relative ranges then end at the new "now". */
let tick = 0
const changes = new Changes()

export function refreshNow(): void {
  tick++
  changes.emit()
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
  changes.use()
  const t = tick
  const key = globalSearch(params)
  return useMemo(() => {
    const g = readGlobal(params)
    return { ...g, window: timeWindow(g), tick: t }
  }, [key, t])
}
