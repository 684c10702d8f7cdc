import type { StoredRunItem } from '../../store/index.js'
import type { AssertionResult } from '../assertions/index.js'

export type AssertionSummary = {
  name: string
  type: string
  passed: number
  failed: number
  skipped: number
  passRate: number | null
}

export type RunSummary = {
  items: number
  executions: number
  /** Executions where the model answered and no assertion failed. */
  passed: number
  failed: number
  /** Executions whose model call failed (after retries) or could not be built. */
  errors: number
  passRate: number | null
  assertions: AssertionSummary[]
  scores: Record<string, { n: number; mean: number | null }>
  latencyMs: { n: number; mean: number | null; p50: number | null; p95: number | null }
  costUsd: { total: number; perExecution: number | null; priced: number }
  tokens: { input: number; output: number }
  /** What LLM-rubric assertions cost the judge. */
  judgeCostUsd: number
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null)

/** The nearest-rank percentile of sorted values (the lower one, as analytics reports it). */
function percentile(sorted: number[], q: number): number | null {
  return sorted.length ? sorted[Math.floor(q * (sorted.length - 1))]! : null
}

/** The figures a run reports, from its executions. */
export function summarizeRun(items: readonly StoredRunItem[]): RunSummary {
  const assertions = new Map<string, AssertionSummary>()
  const scores = new Map<string, { n: number; sum: number }>()
  const latencies: number[] = []
  let cost = 0
  let priced = 0
  let judgeCostUsd = 0
  const tokens = { input: 0, output: 0 }
  for (const it of items) {
    for (const a of it.assertions as AssertionResult[]) {
      const s = assertions.get(a.name) ?? {
        name: a.name,
        type: a.type,
        passed: 0,
        failed: 0,
        skipped: 0,
        passRate: null,
      }
      if (a.pass === true) s.passed++
      else if (a.pass === false) s.failed++
      else s.skipped++
      assertions.set(a.name, s)
      judgeCostUsd += a.judge?.costUsd ?? 0
    }
    for (const [name, v] of Object.entries(it.scores)) {
      if (v === null) continue
      const s = scores.get(name) ?? { n: 0, sum: 0 }
      s.n++
      s.sum += v
      scores.set(name, s)
    }
    if (it.latencyMs !== null) latencies.push(it.latencyMs)
    if (it.costUsd !== null) {
      cost += it.costUsd
      priced++
    }
    tokens.input += it.inputTokens ?? 0
    tokens.output += it.outputTokens ?? 0
  }
  latencies.sort((a, b) => a - b)
  const passed = items.filter((i) => i.passed).length
  const errors = items.filter((i) => i.output === null).length
  return {
    items: new Set(items.map((i) => i.itemId)).size,
    executions: items.length,
    passed,
    failed: items.length - passed,
    errors,
    passRate: ratio(passed, items.length),
    assertions: [...assertions.values()].map((a) => ({
      ...a,
      passRate: ratio(a.passed, a.passed + a.failed),
    })),
    scores: Object.fromEntries(
      [...scores.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, s]) => [k, { n: s.n, mean: ratio(s.sum, s.n) }]),
    ),
    latencyMs: {
      n: latencies.length,
      mean: ratio(
        latencies.reduce((s, x) => s + x, 0),
        latencies.length,
      ),
      p50: percentile(latencies, 0.5),
      p95: percentile(latencies, 0.95),
    },
    costUsd: { total: cost, perExecution: ratio(cost, priced), priced },
    tokens,
    judgeCostUsd,
  }
}
