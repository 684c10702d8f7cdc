import { useEffect, useState } from 'preact/hooks'
import type { GlobalFilterKey } from './url-state.js'

/**
 * Values seen in loaded rows, offered as suggestions in the filter inputs. They only suggest:
 * any value can be typed.
 */
const MAX_SUGGESTIONS = 50
const seen: Record<GlobalFilterKey, Set<string>> = {
  bot: new Set(),
  version: new Set(),
  model: new Set(),
  environment: new Set(),
  category: new Set(),
  tag: new Set(),
}
const listeners = new Set<() => void>()

export function rememberValues(
  values: Partial<Record<GlobalFilterKey, (string | null | undefined)[]>>,
): void {
  let changed = false
  for (const [key, list] of Object.entries(values) as [GlobalFilterKey, (string | null | undefined)[]][]) {
    const set = seen[key]
    for (const v of list) {
      if (v && !set.has(v) && set.size < MAX_SUGGESTIONS) {
        set.add(v)
        changed = true
      }
    }
  }
  if (changed) for (const l of listeners) l()
}

export function useSuggestions(key: GlobalFilterKey): string[] {
  const [, rerender] = useState(0)
  useEffect(() => {
    const l = () => rerender((n) => n + 1)
    listeners.add(l)
    return () => {
      listeners.delete(l)
    }
  }, [])
  return [...seen[key]].sort()
}
