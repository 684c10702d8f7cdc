import { RECOMMENDATION_LIMITS } from '../../analytics/report/recommendations.js'
import { type Finding, MIN_SAMPLE, ms, pct, type Rule, round } from '../types.js'
import { cheaperAlternatives, tokenMix } from './models.js'

/** A model counts as faster when its mean latency is at most this share of the slow one's. */
export const FASTER_MAX_RATIO = 0.7
const CACHE_STEPS = [
  'Answer the most repeated questions from a response cache (keyed by the normalised question).',
  'Stream tokens to the user so the first words arrive sooner.',
  'Shorten the system prompt and the history sent with each turn.',
]

/**
 * Slow answers (p95 or mean above the alert thresholds) → a faster model: one the traffic
 * already shows to be faster with the same quality, else the vendor's small tier; a response
 * cache and streaming otherwise.
 */
export const slowResponses: Rule = (e) => {
  const lat = e.metrics.latencyMs
  const L = RECOMMENDATION_LIMITS
  if (lat.n < MIN_SAMPLE || !((lat.p95 ?? 0) > L.latencyP95Ms || (lat.mean ?? 0) > L.latencyMeanMs)) return []
  const models = e.byModel.filter((g) => g.key && g.metrics.latencyMs.n >= MIN_SAMPLE)
  const slow = [...models].sort(
    (a, b) => (b.metrics.latencyMs.mean ?? 0) - (a.metrics.latencyMs.mean ?? 0),
  )[0]
  const quality = slow?.metrics.quality.mean ?? null
  const seen = models.find(
    (g) =>
      g !== slow &&
      (g.metrics.latencyMs.mean ?? Infinity) <= FASTER_MAX_RATIO * (slow?.metrics.latencyMs.mean ?? 0) &&
      (quality === null || (g.metrics.quality.mean ?? 0) >= quality - 0.02),
  )
  const mix = slow && tokenMix(slow.metrics)
  const smaller = slow?.key && mix ? cheaperAlternatives(slow.key, mix, { fastOnly: true })[0] : undefined
  const to = seen?.key ?? smaller?.model
  const evidence = {
    p95Ms: round(lat.p95, 0),
    meanMs: round(lat.mean, 0),
    interactions: lat.n,
    slowestModel: slow?.key ?? null,
    slowestModelMeanMs: round(slow?.metrics.latencyMs.mean, 0),
    candidate: to ?? null,
    candidateMeanMs: round(seen?.metrics.latencyMs.mean, 0),
    repeatedShare: round(e.repeated.share),
  }
  const base = {
    rule: 'slow_responses',
    scope: { ...e.filter, ...(slow?.key && { model: slow.key }) },
    priority: (lat.mean ?? 0) > 5000 ? ('high' as const) : ('medium' as const),
    evidence,
    evidenceText: `p95 latency ${ms(lat.p95 ?? 0)}, mean ${ms(lat.mean ?? 0)} over ${lat.n} answers${slow?.key ? `; slowest model ${slow.key} (${ms(slow.metrics.latencyMs.mean ?? 0)} mean)` : ''}`,
  }
  if (slow?.key && to && e.prompt) {
    const finding: Finding = {
      ...base,
      scopeKey: `${slow.key}->${to}`,
      title: `Answer faster with ${to} instead of ${slow.key}`,
      action: `Run an A/B experiment moving ${slow.key} traffic to ${to}; for repeated questions also add a response cache.`,
      expectedEffect: seen
        ? `Mean latency about ${pct(1 - (seen.metrics.latencyMs.mean ?? 0) / (slow.metrics.latencyMs.mean ?? 1))} lower, as ${to} already shows here; shipped only if quality holds.`
        : `Lower latency from the vendor's smaller tier (typically faster per token); the experiment measures it and guards quality.`,
      effort: 'low',
      proposal: { kind: 'model', promptName: e.prompt.name, from: slow.key, to, primaryMetric: 'latency_ms' },
    }
    return [finding]
  }
  return [
    {
      ...base,
      scopeKey: 'cache',
      title: 'Speed up slow responses with a response cache and streaming',
      action: 'Cache answers to frequent questions, stream tokens, and trim the prompt.',
      expectedEffect: `Cached answers return in milliseconds${e.repeated.share ? `; ${pct(e.repeated.share)} of recent questions were repeats` : ''}; streaming cuts the wait for the first words.`,
      effort: 'medium',
      proposal: { kind: 'manual', steps: CACHE_STEPS },
    },
  ]
}
