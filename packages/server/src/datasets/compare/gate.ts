import type { StoredRunItem } from '../../store/index.js'
import type { RunComparison } from './compare.js'
import { itemOutcomes } from './outcomes.js'

export type GateItem = { itemId: string; reason: string }

export type GateResult = {
  regression: boolean
  /** Against a baseline run, or the candidate's own assertions when there is none. */
  mode: 'baseline' | 'assertions'
  /** Items that passed less often than in the baseline (or failed, without one). */
  items: GateItem[]
  /** Their share of the items compared. */
  share: number
  threshold: number
  summary: string
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`

function verdict(mode: GateResult['mode'], items: GateItem[], total: number, threshold: number): GateResult {
  const share = total ? items.length / total : 0
  const regression = items.length > 0 && share > threshold
  const what = mode === 'baseline' ? 'regressed against the baseline' : 'failed their assertions'
  const summary = `${items.length} of ${total} items ${what} (${pct(share)}; tolerated: ${pct(threshold)})`
  return { regression, mode, items, share, threshold, summary }
}

/**
 * The CI gate. With a baseline: items that now pass less often than they did are regressions.
 * Without one: items that fail their assertions are. The gate fails when such items are more
 * than `threshold` (a share of the items, 0 by default: any one fails it).
 */
export function gateAgainstBaseline(c: RunComparison, threshold = 0): GateResult {
  const compared = c.items.filter((i) => i.baseline && i.candidate)
  const items = compared
    .filter((i) => i.status === 'regressed')
    .map((i) => {
      const failing = i.newlyFailing.length
        ? `now failing: ${i.newlyFailing.join('; ')}`
        : (i.candidate?.error ?? 'passes less often')
      const rates = `pass rate ${pct(i.baseline!.passRate)} → ${pct(i.candidate!.passRate)}`
      return { itemId: i.itemId, reason: `${rates}; ${failing}` }
    })
  return verdict('baseline', items, compared.length, threshold)
}

export function gateOnAssertions(items: readonly StoredRunItem[], threshold = 0): GateResult {
  const outcomes = itemOutcomes(items)
  const failing = [...outcomes]
    .filter(([, o]) => o.passRate < 1)
    .map(([itemId, o]) => ({
      itemId,
      reason: o.failures.length
        ? o.failures.map((f) => `${f.name}: ${f.reason}`).join('; ')
        : (o.error ?? 'failed'),
    }))
  return verdict('assertions', failing, outcomes.size, threshold)
}
