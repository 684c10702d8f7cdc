import { Counter, collectDefaultMetrics, Registry } from 'prom-client'
import type { Written } from '../ingest/index.js'
import type { Agg } from './aggregate.js'
import { type ProjectSnapshot, qualityOf, recentGauges } from './prometheus-snapshot.js'
import { Sketch } from './sketch.js'
import { SCORE_BINS } from './thresholds.js'

/** Response-time histogram buckets in seconds. */
export const RESPONSE_TIME_BUCKETS_S = [0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 30]

type Sample = { labels?: Record<string, string | number>; value: number; metricName?: string }
type MetricType = 'counter' | 'gauge' | 'histogram'

/** A metric whose samples are computed when scraped (prom-client calls get()). */
function computed(name: string, help: string, type: MetricType, samples: () => Sample[]) {
  return {
    name,
    help,
    type,
    aggregator: 'sum',
    get: async () => ({ name, help, type, aggregator: 'sum', values: samples() }),
  }
}

function histogramSamples(
  name: string,
  labels: Record<string, string>,
  buckets: [number, number][],
  sum: number,
  count: number,
): Sample[] {
  return [
    ...buckets.map(([le, n]) => ({ metricName: `${name}_bucket`, labels: { ...labels, le }, value: n })),
    { metricName: `${name}_bucket`, labels: { ...labels, le: '+Inf' }, value: count },
    { metricName: `${name}_sum`, labels, value: sum },
    { metricName: `${name}_count`, labels, value: count },
  ]
}

function responseTime(bot: string, agg: Agg): Sample[] {
  const sketch = agg.t.latencySketch ?? new Sketch()
  const buckets = RESPONSE_TIME_BUCKETS_S.map((le): [number, number] => [le, sketch.countAtMost(le * 1000)])
  return histogramSamples(
    'chatlens_chatbot_response_time_seconds',
    { bot },
    buckets,
    agg.t.latency.sum / 1000,
    agg.t.latency.n,
  )
}

function quality(bot: string, agg: Agg): Sample[] {
  const q = qualityOf(agg)
  if (!q) return []
  const buckets: [number, number][] = []
  let cumulative = 0
  q.bins.forEach((n, i) => {
    cumulative += n
    buckets.push([(i + 1) / SCORE_BINS, cumulative])
  })
  return histogramSamples('chatlens_chatbot_quality_score', { bot }, buckets, q.m.sum, q.m.n)
}

/** The store's figures for one project as Prometheus metrics. */
export function projectRegistry(s: ProjectSnapshot): Registry {
  const r = new Registry()
  const bots = [...s.byBot]
  const metrics = [
    computed('chatlens_chatbot_requests_total', 'Chatbot interactions by bot and status.', 'counter', () =>
      bots.flatMap(([bot, a]) => [
        { labels: { bot, status: 'ok' }, value: a.t.traces - a.t.errors },
        { labels: { bot, status: 'error' }, value: a.t.errors },
      ]),
    ),
    computed(
      'chatlens_chatbot_errors_total',
      'Failed chatbot interactions by bot and error type.',
      'counter',
      () =>
        bots.flatMap(([bot, a]) =>
          [...a.t.errorTypes].map(([type, n]) => ({ labels: { bot, error_type: type }, value: n })),
        ),
    ),
    computed('chatlens_chatbot_cost_usd_total', 'LLM API cost in USD by bot and model.', 'counter', () =>
      s.byBotModel.map(({ bot, model, agg }) => ({ labels: { bot, model }, value: agg.t.cost.sum })),
    ),
    computed('chatlens_chatbot_tokens_total', 'Tokens used by bot and model.', 'counter', () =>
      s.byBotModel.map(({ bot, model, agg }) => ({ labels: { bot, model }, value: agg.t.totalTokens })),
    ),
    computed(
      'chatlens_chatbot_response_time_seconds',
      'Chatbot response time (bucket counts within 1 % of the boundary).',
      'histogram',
      () => bots.flatMap(([bot, a]) => responseTime(bot, a)),
    ),
    computed(
      'chatlens_chatbot_quality_score',
      'Quality score of evaluated responses (0..1).',
      'histogram',
      () => bots.flatMap(([bot, a]) => quality(bot, a)),
    ),
    computed(
      'chatlens_chatbot_user_satisfaction',
      'Mean user satisfaction (0..1) of conversations started in the last 24 h.',
      'gauge',
      () =>
        recentGauges(s).flatMap((g) =>
          g.satisfaction === null ? [] : [{ labels: { bot: g.bot }, value: g.satisfaction }],
        ),
    ),
    computed(
      'chatlens_chatbot_conversation_length_turns',
      'Mean turns per conversation started in the last 24 h.',
      'gauge',
      () =>
        recentGauges(s).flatMap((g) =>
          g.turns === null ? [] : [{ labels: { bot: g.bot }, value: g.turns }],
        ),
    ),
    computed(
      'chatlens_chatbot_active_conversations',
      'Conversations with a turn in the last 15 minutes and no end reported.',
      'gauge',
      () => [...s.activeByBot].map(([bot, n]) => ({ labels: { bot }, value: n })),
    ),
    computed('chatlens_analytics_stale_hours', 'Hours whose rollups wait for a rebuild.', 'gauge', () => [
      { value: s.staleHours },
    ]),
    computed('chatlens_eval_queue_jobs', 'Evaluation jobs by status.', 'gauge', () =>
      s.evalJobs
        ? (['pending', 'running', 'done', 'skipped', 'failed'] as const).map((status) => ({
            labels: { status },
            value: s.evalJobs![status] ?? 0,
          }))
        : [],
    ),
  ]
  for (const m of metrics) r.registerMetric(m as never)
  return r
}

/** The server process's own figures: ingest counters and Node's default metrics. */
export class ProcessMetrics {
  readonly registry = new Registry()
  private readonly ingested: Counter<'kind'>

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'chatlens_process_' })
    this.ingested = new Counter({
      name: 'chatlens_ingest_rows_total',
      help: 'Rows written by ingestion (this process), by kind.',
      labelNames: ['kind'],
      registers: [this.registry],
    })
  }

  /** An ingest afterCommit hook that counts what each batch wrote. */
  readonly onIngest = (_projectId: string, w: Written): void => {
    for (const kind of ['traces', 'spans', 'sessions', 'scores', 'feedback'] as const) {
      if (w[kind].length) this.ingested.inc({ kind }, w[kind].length)
    }
  }
}

/** The text Prometheus scrapes: process figures and the project's figures. */
export async function renderMetrics(
  processMetrics: ProcessMetrics,
  s: ProjectSnapshot,
): Promise<{ contentType: string; body: string }> {
  const merged = Registry.merge([processMetrics.registry, projectRegistry(s)])
  return { contentType: merged.contentType, body: await merged.metrics() }
}
