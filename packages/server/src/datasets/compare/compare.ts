import {
  type PairedTResult,
  pairedTTest,
  type SignTestResult,
  signTest,
} from '../../experiments/stats/paired.js'
import type { StoredRun, StoredRunItem } from '../../store/index.js'
import { type ItemOutcome, itemOutcomes, LOWER_IS_BETTER, PASS_RATE } from './outcomes.js'

/** A score must move at least this much on an item to count as better or worse for it. */
export const ITEM_METRIC_TOLERANCE = 0.05
/** Relative move for latency and cost, which are not on a 0..1 scale. */
export const ITEM_RELATIVE_TOLERANCE = 0.2

export type ItemStatus = 'regressed' | 'improved' | 'unchanged' | 'added' | 'removed'

export type MetricChange = {
  metric: string
  baseline: number
  candidate: number
  delta: number
  better: boolean
}

export type ItemComparison = {
  itemId: string
  status: ItemStatus
  baseline: ItemOutcome | null
  candidate: ItemOutcome | null
  /** Metrics that got better or worse on this item beyond the tolerance. */
  better: MetricChange[]
  worse: MetricChange[]
  /** Assertions that passed more often in the baseline than now. */
  newlyFailing: string[]
}

export type MetricComparison = {
  metric: string
  direction: 'higher' | 'lower'
  /** Items with the metric in both runs. */
  pairs: number
  baselineMean: number | null
  candidateMean: number | null
  /** Mean over items of (candidate − baseline). */
  meanDelta: number | null
  /** Items where the metric moved the good way, the bad way, or not beyond the tolerance. */
  better: number
  worse: number
  same: number
  pairedT: PairedTResult | null
  sign: SignTestResult
  /** Whether the paired t test finds the change significant (the sign test when there is no t test). */
  significant: boolean
}

export type RunRef = { id: string; name: string | null; datasetVersion: number; passRate: number | null }

export type RunComparison = {
  baseline: RunRef
  candidate: RunRef
  items: ItemComparison[]
  metrics: MetricComparison[]
  regressed: string[]
  improved: string[]
  alpha: number
}

const ref = (r: StoredRun): RunRef => ({
  id: r.id,
  name: r.name,
  datasetVersion: r.datasetVersion,
  passRate: (r.summary?.passRate as number | null | undefined) ?? null,
})

function moved(metric: string, a: number, b: number): 'better' | 'worse' | 'same' {
  const delta = b - a
  const scaled = metric === 'latency_ms' || metric === 'cost_usd'
  const tolerance = scaled
    ? ITEM_RELATIVE_TOLERANCE * Math.abs(a)
    : metric === PASS_RATE
      ? 0
      : ITEM_METRIC_TOLERANCE
  if (Math.abs(delta) <= tolerance) return 'same'
  return delta > 0 !== LOWER_IS_BETTER.has(metric) ? 'better' : 'worse'
}

function compareItem(itemId: string, a: ItemOutcome | undefined, b: ItemOutcome | undefined): ItemComparison {
  if (!a || !b)
    return {
      itemId,
      status: a ? 'removed' : 'added',
      baseline: a ?? null,
      candidate: b ?? null,
      better: [],
      worse: [],
      newlyFailing: [],
    }
  const better: MetricChange[] = []
  const worse: MetricChange[] = []
  for (const [metric, baseline] of Object.entries(a.metrics)) {
    const candidate = b.metrics[metric]
    if (candidate === undefined) continue
    const way = moved(metric, baseline, candidate)
    const change = { metric, baseline, candidate, delta: candidate - baseline, better: way === 'better' }
    if (way === 'better') better.push(change)
    else if (way === 'worse') worse.push(change)
  }
  const newlyFailing = Object.entries(a.assertions)
    .filter(([name, rate]) => (b.assertions[name] ?? (b.executions === b.errors ? 0 : rate)) < rate)
    .map(([name]) => name)
  const status = b.passRate < a.passRate ? 'regressed' : b.passRate > a.passRate ? 'improved' : 'unchanged'
  return { itemId, status, baseline: a, candidate: b, better, worse, newlyFailing }
}

function compareMetric(metric: string, pairs: [number, number][], alpha: number): MetricComparison {
  const differences = pairs.map(([a, b]) => b - a)
  const ways = pairs.map(([a, b]) => moved(metric, a, b))
  const lower = LOWER_IS_BETTER.has(metric)
  const n = pairs.length
  const pairedT = n >= 2 ? pairedTTest(differences, { alpha }) : null
  // The sign test counts moves in the good direction as positive.
  const sign = signTest(
    differences.map((d) => (lower ? -d : d)),
    { alpha },
  )
  return {
    metric,
    direction: lower ? 'lower' : 'higher',
    pairs: n,
    baselineMean: n ? pairs.reduce((s, [a]) => s + a, 0) / n : null,
    candidateMean: n ? pairs.reduce((s, [, b]) => s + b, 0) / n : null,
    meanDelta: n ? differences.reduce((s, d) => s + d, 0) / n : null,
    better: ways.filter((w) => w === 'better').length,
    worse: ways.filter((w) => w === 'worse').length,
    same: ways.filter((w) => w === 'same').length,
    pairedT,
    sign,
    significant: pairedT ? pairedT.significant : sign.significant,
  }
}

/**
 * Compares two runs item by item (each item over its repetitions): which items regressed
 * (passed less often) or improved, which metrics moved on each, and per metric the mean change
 * over the items both runs have with a paired t test and a sign test — pairing by item removes
 * the item-to-item spread, so real changes show with few items.
 */
export function compareRuns(
  baseline: { run: StoredRun; items: readonly StoredRunItem[] },
  candidate: { run: StoredRun; items: readonly StoredRunItem[] },
  { alpha = 0.05, order = [] as readonly string[] } = {},
): RunComparison {
  const a = itemOutcomes(baseline.items)
  const b = itemOutcomes(candidate.items)
  const known = new Set([...order, ...a.keys(), ...b.keys()])
  const items = [...known]
    .filter((id) => a.has(id) || b.has(id))
    .map((id) => compareItem(id, a.get(id), b.get(id)))
  const paired = new Map<string, [number, number][]>()
  for (const it of items) {
    if (!it.baseline || !it.candidate) continue
    for (const [metric, x] of Object.entries(it.baseline.metrics)) {
      const y = it.candidate.metrics[metric]
      if (y !== undefined) paired.set(metric, [...(paired.get(metric) ?? []), [x, y]])
    }
  }
  const metrics = [...paired]
    .sort(([x], [y]) => (x === PASS_RATE ? -1 : y === PASS_RATE ? 1 : x.localeCompare(y)))
    .map(([metric, pairs]) => compareMetric(metric, pairs, alpha))
  return {
    baseline: ref(baseline.run),
    candidate: ref(candidate.run),
    items,
    metrics,
    regressed: items.filter((i) => i.status === 'regressed').map((i) => i.itemId),
    improved: items.filter((i) => i.status === 'improved').map((i) => i.itemId),
    alpha,
  }
}
