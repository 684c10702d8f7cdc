import { Changes } from './changes.js'
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
const changes = new Changes()

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
  if (changed) changes.emit()
}

export function useSuggestions(key: GlobalFilterKey): string[] {
  changes.use()
  return [...seen[key]].sort()
}
