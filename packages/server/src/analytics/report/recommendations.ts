import type { TopicsResult } from '../intents/topics.js'
import type { Metrics } from '../metrics.js'

export type Recommendation = {
  /** Stable id of the rule that produced it (e.g. "slow_responses"). */
  id: string
  priority: 'high' | 'medium' | 'low'
  title: string
  /** The figures that triggered it. */
  evidence: string
  action: string
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`
const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${Math.round(x)} ms`)

/** Thresholds behind the recommendations (PRODUCT.md 3.3 and 4.4). */
export const RECOMMENDATION_LIMITS = {
  qualityMean: 0.7,
  highQualityShare: 0.5,
  relevanceMean: 0.7,
  latencyP95Ms: 2000,
  latencyMeanMs: 3000,
  errorRate: 0.02,
  costPerConversationUsd: 0.1,
  turnsMean: 8,
  repeatedShare: 0.2,
  toxicShare: 0.01,
  negativeSentiment: 0.3,
  resolutionRate: 0.6,
  offTopicShare: 0.2,
}

/** What to fix, from the measured figures: each rule names its evidence and a concrete action. */
export function recommend(
  m: Metrics,
  byModel: { key: string | null; metrics: Metrics }[],
  topics: TopicsResult | null,
): Recommendation[] {
  const L = RECOMMENDATION_LIMITS
  const out: Recommendation[] = []
  const add = (r: Recommendation) => out.push(r)
  if (
    m.quality.mean !== null &&
    (m.quality.mean < L.qualityMean || (m.quality.highShare ?? 1) < L.highQualityShare)
  ) {
    add({ id: 'low_quality', priority: m.quality.mean < 0.6 ? 'high' : 'medium', title: 'Improve answer quality with prompt tuning',
      evidence: `mean quality ${m.quality.mean.toFixed(2)}, high-quality share ${pct(m.quality.highShare ?? 0)} of ${m.quality.n} evaluated answers`,
      action: 'Review the lowest-scored conversations, add examples and clearer instructions to the system prompt, and A/B test the new version against production.' }) // biome-ignore format: prose
  }
  const relevance = m.scores.relevance
  if (relevance?.mean != null && relevance.mean < L.relevanceMean) {
    add({ id: 'low_relevance', priority: 'medium', title: 'Keep answers on the question',
      evidence: `mean relevance ${relevance.mean.toFixed(2)} over ${relevance.n} scores`,
      action: 'Tell the model to answer the question asked first; add retrieval of the relevant help articles for the top topics.' }) // biome-ignore format: prose
  }
  const lat = m.latencyMs
  if ((lat.p95 ?? 0) > L.latencyP95Ms || (lat.mean ?? 0) > L.latencyMeanMs) {
    add({ id: 'slow_responses', priority: (lat.mean ?? 0) > 5000 ? 'high' : 'medium', title: 'Speed up slow responses',
      evidence: `p95 latency ${ms(lat.p95 ?? 0)}, mean ${ms(lat.mean ?? 0)}`,
      action: 'Cache answers to frequent questions, stream tokens to the user, trim the prompt, or move simple queries to a faster model.' }) // biome-ignore format: prose
  }
  if ((m.errorRate ?? 0) > L.errorRate) {
    const top = Object.entries(m.errorsByType).sort((a, b) => b[1] - a[1])[0]
    add({ id: 'errors', priority: (m.errorRate ?? 0) > 0.05 ? 'high' : 'medium', title: 'Reduce failed interactions',
      evidence: `error rate ${pct(m.errorRate ?? 0)}${top ? `; most common: ${top[0]} (${top[1]})` : ''}`,
      action: 'Validate and bound user input, retry transient provider errors with backoff, and answer with a polite fallback instead of failing.' }) // biome-ignore format: prose
  }
  const costly = (m.cost.perConversationUsd ?? 0) > L.costPerConversationUsd
  const models = byModel.filter(
    (g) => g.key && g.metrics.interactions >= 20 && g.metrics.cost.perInteractionUsd !== null,
  )
  const dear = [...models].sort(
    (a, b) => b.metrics.cost.perInteractionUsd! - a.metrics.cost.perInteractionUsd!,
  )[0]
  const cheap = models.find((g) => g !== dear && g.metrics.cost.perInteractionUsd! < dear!.metrics.cost.perInteractionUsd! / 2
    && (g.metrics.quality.mean ?? 0) >= (dear!.metrics.quality.mean ?? 0) - 0.02) // biome-ignore format: one condition
  if (dear && cheap) {
    add({ id: 'cheaper_model', priority: costly ? 'high' : 'low', title: `Try ${cheap.key} instead of ${dear.key}`,
      evidence: `${cheap.key} costs $${cheap.metrics.cost.perInteractionUsd!.toFixed(5)} per interaction against $${dear.metrics.cost.perInteractionUsd!.toFixed(5)} for ${dear.key}, at quality ${cheap.metrics.quality.mean?.toFixed(2) ?? 'n/a'} vs ${dear.metrics.quality.mean?.toFixed(2) ?? 'n/a'}`,
      action: `Run an A/B experiment moving ${dear.key} traffic to ${cheap.key}; ship it if quality holds.` }) // biome-ignore format: prose
  } else if (costly) {
    add({ id: 'costly_conversations', priority: 'medium', title: 'Cut the cost per conversation',
      evidence: `${m.cost.perConversationUsd!.toFixed(4)} $ per conversation (limit ${L.costPerConversationUsd} $)`,
      action: 'Trim the conversation history sent with each turn, shorten the system prompt, and cap max_tokens.' }) // biome-ignore format: prose
  }
  if ((m.conversation.turnsMean ?? 0) > L.turnsMean) {
    add({ id: 'long_histories', priority: 'low', title: 'Trim long conversation histories',
      evidence: `${m.conversation.turnsMean!.toFixed(1)} turns per conversation on average`,
      action: 'Send only the last ten messages plus a running summary; long histories cost tokens and dilute the answer.' }) // biome-ignore format: prose
  }
  if (topics?.repeatedShare != null && topics.repeatedShare > L.repeatedShare) {
    add({ id: 'response_cache', priority: 'low', title: 'Answer repeated questions from a cache',
      evidence: `${pct(topics.repeatedShare)} of ${topics.sampled} recent queries were asked word for word before`,
      action: 'Add a response cache (or an FAQ answer) for the most repeated questions; it saves cost and latency.' }) // biome-ignore format: prose
  }
  const tox = m.scores.toxicity
  if (tox && tox.n > 0 && 1 - (tox.histogram[0]?.count ?? 0) / tox.n > L.toxicShare) {
    add({ id: 'toxicity', priority: 'high', title: 'Stop toxic responses',
      evidence: `${pct(1 - (tox.histogram[0]?.count ?? 0) / tox.n)} of evaluated responses scored toxicity ≥ 0.1`,
      action: 'Add a moderation check on the output and instruct the model to stay polite under provocation.' }) // biome-ignore format: prose
  }
  if ((m.sentiment.negative ?? 0) > L.negativeSentiment) {
    add({ id: 'negative_sentiment', priority: 'medium', title: 'Lift the tone of the answers',
      evidence: `${pct(m.sentiment.negative!)} of answers read as negative`,
      action: 'Review the negative conversations in the review queue; add empathy and next steps to the system prompt.' }) // biome-ignore format: prose
  }
  if (m.conversation.resolutionRate !== null && m.conversation.resolutionRate < L.resolutionRate) {
    add({ id: 'unresolved', priority: 'high', title: 'Resolve more conversations',
      evidence: `${pct(m.conversation.resolutionRate)} of ${m.conversation.resolutionReported} reported conversations resolved`,
      action: 'Find the topics with the lowest resolution and give the bot the knowledge or tools to finish them, or hand off to a person.' }) // biome-ignore format: prose
  }
  const categorized = Object.entries(m.categories)
    .filter(([k]) => k !== 'uncategorized')
    .reduce((s, [, n]) => s + n, 0)
  const offTopic = m.categories.off_topic ?? 0
  if (categorized > 0 && offTopic / categorized > L.offTopicShare) {
    add({ id: 'off_topic', priority: 'low', title: 'Guard the scope of the bot',
      evidence: `${pct(offTopic / categorized)} of categorized queries were off topic`,
      action: 'Detect off-topic queries and answer with a short polite redirect instead of a full LLM answer.' }) // biome-ignore format: prose
  }
  const rank = { high: 0, medium: 1, low: 2 }
  return out.sort((a, b) => rank[a.priority] - rank[b.priority])
}
