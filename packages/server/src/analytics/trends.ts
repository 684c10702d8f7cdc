import { normalSf, twoProportionTest, welchTest } from '../experiments/stats/index.js'
import type { Agg } from './aggregate.js'
import { type Moments, mean, variance } from './moments.js'
import { LOWER_IS_BETTER_SCORES, QUALITY_SCORE, SENTIMENT_SCORE } from './thresholds.js'

/** Significance level of every trend test. */
export const TREND_ALPHA = 0.05

export type TrendTest = 'welch-t' | 'two-proportion-z' | 'poisson-rate-z' | null

export type Trend = {
  metric: string
  current: number | null
  previous: number | null
  /** (current − previous) / |previous|, null when previous is 0 or missing. */
  changePct: number | null
  direction: 'up' | 'down' | 'flat' | null
  /** Whether the move is good news: true, false, or null when neither (volume) or unknown. */
  improved: boolean | null
  significant: boolean | null
  pValue: number | null
  /** Welch's t test (means), pooled two-proportion z test (rates), conditional Poisson z test (counts). */
  test: TrendTest
}

type Side = { value: number | null; test: MeanSide | RateSide | CountSide | null }
type MeanSide = { kind: 'mean'; m: Moments }
type RateSide = { kind: 'rate'; successes: number; n: number }
type CountSide = { kind: 'count'; n: number }

function compare(metric: string, a: Side, b: Side, higherIsBetter: boolean | null): Trend {
  const cur = b.value
  const prev = a.value
  const changePct = cur !== null && prev !== null && prev !== 0 ? (cur - prev) / Math.abs(prev) : null
  const direction = cur === null || prev === null ? null : cur > prev ? 'up' : cur < prev ? 'down' : 'flat'
  const improved =
    direction === null || direction === 'flat' || higherIsBetter === null
      ? null
      : (direction === 'up') === higherIsBetter
  const { pValue, test } = significance(a.test, b.test)
  return {
    metric,
    current: cur,
    previous: prev,
    changePct,
    direction,
    improved,
    significant: pValue === null ? null : pValue < TREND_ALPHA,
    pValue,
    test,
  }
}

function significance(a: Side['test'], b: Side['test']): { pValue: number | null; test: TrendTest } {
  if (!a || !b) return { pValue: null, test: null }
  if (a.kind === 'mean' && b.kind === 'mean') {
    if (a.m.n < 2 || b.m.n < 2) return { pValue: null, test: 'welch-t' }
    const r = welchTest(
      { n: a.m.n, mean: mean(a.m)!, variance: variance(a.m) },
      { n: b.m.n, mean: mean(b.m)!, variance: variance(b.m) },
      { alpha: TREND_ALPHA },
    )
    return { pValue: r.pValue, test: 'welch-t' }
  }
  if (a.kind === 'rate' && b.kind === 'rate') {
    if (a.n === 0 || b.n === 0) return { pValue: null, test: 'two-proportion-z' }
    return { pValue: twoProportionTest(a, b, { alpha: TREND_ALPHA }).pValue, test: 'two-proportion-z' }
  }
  if (a.kind === 'count' && b.kind === 'count') {
    // Equal exposure: given the total, each window's count is Binomial(total, ½) under "no change".
    const total = a.n + b.n
    if (total === 0) return { pValue: null, test: 'poisson-rate-z' }
    const z = (b.n - a.n) / Math.sqrt(total)
    return { pValue: Math.min(1, 2 * normalSf(Math.abs(z))), test: 'poisson-rate-z' }
  }
  return { pValue: null, test: null }
}

const meanSide = (m: Moments): Side => ({ value: mean(m), test: { kind: 'mean', m } })
const rateSide = (successes: number, n: number): Side => ({
  value: n > 0 ? successes / n : null,
  test: { kind: 'rate', successes, n },
})
const countSide = (n: number): Side => ({ value: n, test: { kind: 'count', n } })
const plain = (value: number | null): Side => ({ value, test: null })

/** The window (b) against the one before it (a), metric by metric, each with its test. */
export function compareWindows(a: Agg, b: Agg): Trend[] {
  const out: Trend[] = [
    compare('interactions', countSide(a.t.traces), countSide(b.t.traces), null),
    compare('conversations', countSide(a.c.conversations), countSide(b.c.conversations), null),
    compare('evaluated', countSide(a.t.scored), countSide(b.t.scored), null),
    compare('errorRate', rateSide(a.t.errors, a.t.traces), rateSide(b.t.errors, b.t.traces), false),
    compare('latencyMs.mean', meanSide(a.t.latency), meanSide(b.t.latency), false),
    compare(
      'latencyMs.p95',
      plain(a.t.latencySketch.quantile(0.95)),
      plain(b.t.latencySketch.quantile(0.95)),
      false,
    ),
    compare('timeToFirstTokenMs.mean', meanSide(a.t.ttft), meanSide(b.t.ttft), false),
    compare('cost.perInteractionUsd', meanSide(a.t.cost), meanSide(b.t.cost), false),
    compare('cost.totalUsd', plain(a.t.cost.sum), plain(b.t.cost.sum), false),
    compare(
      'cost.perConversationUsd',
      plain(a.c.conversations ? a.c.cost / a.c.conversations : null),
      plain(b.c.conversations ? b.c.cost / b.c.conversations : null),
      false,
    ),
    compare(
      'conversation.resolutionRate',
      rateSide(a.c.resolvedYes, a.c.resolvedKnown),
      rateSide(b.c.resolvedYes, b.c.resolvedKnown),
      true,
    ),
    compare('conversation.satisfaction', meanSide(a.c.satisfaction), meanSide(b.c.satisfaction), true),
    compare('conversation.turnsMean', meanSide(a.c.turns), meanSide(b.c.turns), null),
  ]
  const qa = a.t.scores.get(QUALITY_SCORE)
  const qb = b.t.scores.get(QUALITY_SCORE)
  if (qa || qb) {
    out.push(
      compare(
        'quality.highShare',
        rateSide(qa?.atLeastHigh ?? 0, qa?.m.n ?? 0),
        rateSide(qb?.atLeastHigh ?? 0, qb?.m.n ?? 0),
        true,
      ),
    )
  }
  const sa = a.t.scores.get(SENTIMENT_SCORE)
  const sb = b.t.scores.get(SENTIMENT_SCORE)
  if (sa || sb) {
    out.push(
      compare(
        'sentiment.negative',
        rateSide(sa?.belowNegative ?? 0, sa?.m.n ?? 0),
        rateSide(sb?.belowNegative ?? 0, sb?.m.n ?? 0),
        false,
      ),
    )
  }
  for (const name of [...new Set([...a.t.scores.keys(), ...b.t.scores.keys()])].sort()) {
    const ma = a.t.scores.get(name)?.m
    const mb = b.t.scores.get(name)?.m
    if (!ma?.n && !mb?.n) continue
    const empty: Moments = { n: 0, sum: 0, sumsq: 0, min: Infinity, max: -Infinity }
    out.push(
      compare(
        `scores.${name}.mean`,
        meanSide(ma ?? empty),
        meanSide(mb ?? empty),
        !LOWER_IS_BETTER_SCORES.has(name),
      ),
    )
  }
  return out
}
