import type { StoredRunItem } from '../../store/index.js'
import type { AssertionResult } from '../assertions/index.js'

/** One item of one run, over its repetitions. */
export type ItemOutcome = {
  executions: number
  /** Share of executions that answered and passed every assertion. */
  passRate: number
  errors: number
  /** Mean of each metric over the executions that have it. */
  metrics: Record<string, number>
  /** Assertions that failed in at least one execution, with their last reason. */
  failures: { name: string; reason: string }[]
  /** Share of executions each assertion passed in (skipped ones left out). */
  assertions: Record<string, number>
  output: string | null
  error: string | null
  traceIds: string[]
}

/** Metrics where lower is better; every other one reads higher-is-better. */
export const LOWER_IS_BETTER = new Set([
  'toxicity',
  'judge_toxicity',
  'pii_leak',
  'refusal',
  'hallucination',
  'latency_ms',
  'cost_usd',
])
export const PASS_RATE = 'pass_rate'

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length

/** Each item's outcome over its repetitions, by item id. */
export function itemOutcomes(items: readonly StoredRunItem[]): Map<string, ItemOutcome> {
  const byItem = new Map<string, StoredRunItem[]>()
  for (const it of items) byItem.set(it.itemId, [...(byItem.get(it.itemId) ?? []), it])
  const out = new Map<string, ItemOutcome>()
  for (const [itemId, runs] of byItem) {
    const values = new Map<string, number[]>()
    const add = (k: string, v: number | null | undefined) => {
      if (v === null || v === undefined || !Number.isFinite(v)) return
      values.set(k, [...(values.get(k) ?? []), v])
    }
    const assertionValues = new Map<string, number[]>()
    const failures = new Map<string, string>()
    for (const r of runs) {
      add(PASS_RATE, r.passed ? 1 : 0)
      for (const [k, v] of Object.entries(r.scores)) add(k, v)
      add('latency_ms', r.latencyMs)
      add('cost_usd', r.costUsd)
      for (const a of r.assertions as AssertionResult[]) {
        if (a.pass === null) continue
        assertionValues.set(a.name, [...(assertionValues.get(a.name) ?? []), a.pass ? 1 : 0])
        if (!a.pass) failures.set(a.name, a.reason)
      }
    }
    const last = runs.at(-1)!
    out.set(itemId, {
      executions: runs.length,
      passRate: mean(runs.map((r) => (r.passed ? 1 : 0))),
      errors: runs.filter((r) => r.output === null).length,
      metrics: Object.fromEntries([...values].map(([k, v]) => [k, mean(v)])),
      failures: [...failures].map(([name, reason]) => ({ name, reason })),
      assertions: Object.fromEntries([...assertionValues].map(([k, v]) => [k, mean(v)])),
      output: last.output,
      error: runs.find((r) => r.error)?.error ?? null,
      traceIds: runs.flatMap((r) => (r.traceId ? [r.traceId] : [])),
    })
  }
  return out
}
