import { useEffect, useState } from 'preact/hooks'
import type { AlertRule } from '../lib/api-types.js'
import { useApi } from '../lib/use-api.js'
import { useGlobal } from '../lib/use-window.js'

/** The server checks rules every 30 s; the count follows at that pace (and on Refresh). */
const FIRING_POLL_MS = 30_000

/** How many enabled alert rules are firing now, for the navigation; null until known. */
export function useFiringCount(): number | null {
  const g = useGlobal()
  const [beat, setBeat] = useState(0)
  useEffect(() => {
    const timer = setInterval(() => setBeat((n) => n + 1), FIRING_POLL_MS)
    return () => clearInterval(timer)
  }, [])
  const { data } = useApi<{ data: AlertRule[] }>('/api/v1/alerts/rules', {}, g.tick + beat)
  return data ? data.data.filter((r) => r.enabled && r.state === 'firing').length : null
}
