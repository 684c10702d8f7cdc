import { RECOMMENDATION_LIMITS } from '../../analytics/report/recommendations.js'
import { MIN_SAMPLE, pct, type Rule, round } from '../types.js'

/** An error rate above this is a spike whatever the window before it looked like. */
export const ERROR_RATE_HIGH = 0.05
/** Input tokens per interaction above which the history sent is worth trimming. */
export const INPUT_TOKENS_HIGH = 3000
/** Messages of history a trimmed chatbot keeps (five turns). */
const KEPT_MESSAGES = 10

/** Error spike: the error rate is over the limit and significantly up on the window before (or very high). */
export const errorSpike: Rule = (e) => {
  const m = e.metrics
  const rate = m.errorRate
  if (rate === null || m.interactions < MIN_SAMPLE || rate <= RECOMMENDATION_LIMITS.errorRate) return []
  const trend = e.trends.find((t) => t.metric === 'errorRate')
  const spiked = trend?.direction === 'up' && trend.significant === true
  if (!spiked && rate <= ERROR_RATE_HIGH) return []
  const top = Object.entries(m.errorsByType).sort((a, b) => b[1] - a[1])
  return [
    {
      rule: 'error_spike',
      scopeKey: 'all',
      scope: { ...e.filter },
      priority: rate > ERROR_RATE_HIGH ? 'high' : 'medium',
      title: `Validate input and handle provider errors: ${pct(rate)} of turns fail`,
      evidence: {
        errorRate: round(rate),
        previousErrorRate: round(trend?.previous),
        pValue: round(trend?.pValue, 6),
        errors: m.errors,
        interactions: m.interactions,
        topErrorType: top[0]?.[0] ?? null,
        topErrorCount: top[0]?.[1] ?? null,
      },
      evidenceText:
        `error rate ${pct(rate)} (${m.errors} of ${m.interactions})` +
        (trend?.previous != null
          ? `, up from ${pct(trend.previous)}${spiked ? ` (significant, p = ${trend.pValue?.toPrecision(2)})` : ''}`
          : '') +
        (top.length
          ? `; most common: ${top
              .slice(0, 3)
              .map(([k, n]) => `${k} (${n})`)
              .join(', ')}`
          : ''),
      action:
        'Validate and bound user input before the model call, retry transient provider errors with backoff, and answer with a polite fallback.',
      expectedEffect: `Error rate back under ${pct(RECOMMENDATION_LIMITS.errorRate)}: about ${m.errors} failed turns fewer per window like this one.`,
      effort: 'medium',
      proposal: {
        kind: 'manual',
        steps: [
          'Reject or truncate empty, huge or malformed input before it reaches the model.',
          'Retry rate limits and 5xx with jittered backoff honouring Retry-After.',
          'Answer with a polite fallback instead of an error, and alert on the error rate.',
        ],
      },
    },
  ]
}

/** Long conversations (or heavy prompts) → send only the last messages plus a summary. */
export const longHistories: Rule = (e) => {
  const m = e.metrics
  const turns = m.conversation.turnsMean
  const input = m.interactions ? m.tokens.input / m.interactions : null
  const long = (turns ?? 0) > RECOMMENDATION_LIMITS.turnsMean
  const heavy = m.interactions >= MIN_SAMPLE && (input ?? 0) > INPUT_TOKENS_HIGH
  if (!long && !heavy) return []
  // With n turns the last one carries 2(n − 1) history messages; trimming keeps KEPT_MESSAGES.
  const cut = turns && turns > 1 ? Math.max(0, 1 - KEPT_MESSAGES / (2 * (turns - 1))) : null
  return [
    {
      rule: 'long_histories',
      scopeKey: 'all',
      scope: { ...e.filter },
      priority: 'low',
      title: 'Trim long conversation histories',
      evidence: {
        turnsMean: round(turns, 2),
        turnsMax: m.conversation.turnsMax,
        inputTokensPerInteraction: round(input, 0),
        conversations: m.conversation.count,
      },
      evidenceText: `${turns?.toFixed(1) ?? '–'} turns per conversation on average (max ${m.conversation.turnsMax ?? '–'}), ${Math.round(input ?? 0)} input tokens per turn`,
      action: `Send only the last ${KEPT_MESSAGES} messages plus a running summary of the earlier ones.`,
      expectedEffect:
        cut !== null && cut > 0
          ? `Up to ${pct(cut)} fewer history messages on the last turn of an average conversation, and less input cost on every long one.`
          : 'Less input cost and latency on the longest conversations.',
      effort: 'medium',
      proposal: {
        kind: 'manual',
        steps: [
          `Keep the last ${KEPT_MESSAGES} messages in the prompt.`,
          'Replace older turns with a short summary the model writes.',
        ],
      },
    },
  ]
}

/** Many questions asked word for word again → a response cache. */
export const repeatedQuestions: Rule = (e) => {
  const r = e.repeated
  if (r.share === null || r.sampled < MIN_SAMPLE || r.share <= RECOMMENDATION_LIMITS.repeatedShare) return []
  return [
    {
      rule: 'response_cache',
      scopeKey: 'all',
      scope: { ...e.filter },
      priority: 'low',
      title: 'Answer repeated questions from a cache',
      evidence: {
        repeatedShare: round(r.share),
        sampled: r.sampled,
        topQuestion: r.top[0]?.question ?? null,
        topQuestionCount: r.top[0]?.count ?? null,
      },
      evidenceText: `${pct(r.share)} of ${r.sampled} recent questions were asked word for word more than once${r.top[0] ? `; most often: "${r.top[0].question}" (${r.top[0].count}×)` : ''}`,
      action: 'Add a response cache (or FAQ answers) for the most repeated questions.',
      expectedEffect: `Up to ${pct(r.share)} of model calls avoided (their cost and latency) once the cache is warm.`,
      effort: 'medium',
      proposal: {
        kind: 'manual',
        steps: [
          'Key a cache by the normalised question (and the prompt version).',
          'Expire entries when the prompt or the knowledge behind the answer changes.',
        ],
      },
    },
  ]
}
