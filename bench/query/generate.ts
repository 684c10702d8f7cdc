// Writes a realistic store of `traces` interactions over the last 30 days straight into SQLite
// (a bulk import), then queues every hour for the rollup builder, as the migration does for
// existing data. Correlated dimensions as in production: each bot has its prompt, versions roll
// out over time, the A/B variant decides the model, 5 % of traffic is staging.
import Database from 'better-sqlite3'
import { analytics } from '../../packages/server/src/store/migrations/020-analytics.js'
import { TYPES } from '../../packages/server/src/store/migrations/types.js'
import { mulberry32 } from '../../packages/server/src/util/random.js'

const DAY = 86_400_000
export const SPAN_DAYS = 30
/** Share of interactions evaluated (heuristic scores), and of those the judge categorised. */
const EVALUATED = 0.3
const CATEGORISED = 0.5
const QUERIES = [
  'Where is my order 1234?', 'How do I reset my password?', 'Can I get a refund for my last invoice?',
  'My package never arrived', 'I was charged twice this month', 'How do I change my plan?',
  'What is the weather on Mars?', 'Do you ship to Canada?', 'Thanks, bye!', 'Hello there',
] // biome-ignore format: list

const rng = mulberry32

const TRACE_COLS = `project_id, id, name, timestamp, end_time, bot, version, variant, environment, user_id, session_id,
  model, parameters, input, output, input_tokens, output_tokens, total_tokens, cached_input_tokens, reasoning_tokens,
  cost_usd, latency_ms, ttft_ms, status, error, error_type, tags, metadata, prompt_name, prompt_version,
  experiment_key, experiment_variant, evaluate, usage_explicit, created_at, updated_at`

export function generate(
  file: string,
  projectId: string,
  traces: number,
  now: number,
  seed = 1,
): { sessions: number; scores: number } {
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = OFF')
  const triggers = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'analytics_%'")
    .all() as { name: string }[]
  for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`)

  const insTrace = db.prepare(
    `INSERT INTO traces (${TRACE_COLS}) VALUES (${TRACE_COLS.split(',')
      .map(() => '?')
      .join(', ')})`,
  )
  const insTag = db.prepare(
    'INSERT INTO trace_tags (project_id, trace_id, tag, timestamp) VALUES (?, ?, ?, ?)',
  )
  const insSession =
    db.prepare(`INSERT INTO sessions (project_id, id, user_id, bot, environment, started_at, ended_at, satisfaction,
    resolved, stage, tags, metadata, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', '{}', ?, ?)`)
  const insScore =
    db.prepare(`INSERT INTO scores (project_id, id, trace_id, span_id, session_id, name, value, string_value,
    data_type, source, evaluator, evaluator_version, comment, timestamp, metadata, created_at)
    VALUES (?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?, '{}', ?)`)

  const r = rng(seed)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!
  const start = now - SPAN_DAYS * DAY
  let written = 0
  let sessions = 0
  let scores = 0
  const batch = db.transaction((target: number) => {
    while (written < target) {
      const sid = `s${sessions++}`
      let t = start + Math.floor(r() * SPAN_DAYS * DAY)
      const bot = r() < 0.7 ? 'support' : 'sales'
      const variant = r() < 0.5 ? 'a' : 'b'
      const model = variant === 'a' ? 'gpt-4o-mini' : 'gpt-4o'
      const version = t < start + SPAN_DAYS * DAY * 0.6 ? '1.0' : '1.1'
      const env = r() < 0.95 ? 'production' : 'staging'
      const user = `u${Math.floor(r() * 20_000)}`
      const turns = 1 + Math.floor(r() * 9)
      insSession.run(projectId, sid, user, bot, env, t, r() < 0.6 ? t + turns * 60_000 : null, r() < 0.3 ? Math.round(r() * 100) / 100 : null,
        r() < 0.5 ? (r() < 0.7 ? 1 : 0) : null, null, t, t) // biome-ignore format: row
      // Conversations still going on stop at `now`: the current hour holds its share of traffic.
      for (let k = 0; k < turns && written < target && t < now; k++) {
        const id = `${sid}-${k}`
        const error = r() < 0.03
        const latency = Math.round(Math.exp(6.6 + r() * 1.2 + (model === 'gpt-4o' ? 0.3 : 0)))
        const inTok = 200 + Math.floor(r() * 1500)
        const outTok = 20 + Math.floor(r() * 400)
        const cost = model === 'gpt-4o' ? inTok * 2.5e-6 + outTok * 1e-5 : inTok * 1.5e-7 + outTok * 6e-7
        const tag = r() < 0.2 ? 'vip' : null
        insTrace.run(projectId, id, 'chat-turn', t, t + latency, bot, version, variant, env, user, sid, model, null,
          JSON.stringify(pick(QUERIES)), JSON.stringify('Here is what I found for you.'), inTok, outTok, inTok + outTok, null, null,
          cost, latency, Math.round(latency * 0.3), error ? 'error' : 'ok', error ? 'upstream failed' : null,
          error ? pick(['timeout', 'rate_limit', 'invalid_request']) : null, tag ? `["${tag}"]` : '[]', '{}',
          `${bot}-system`, version === '1.0' ? 3 : 4, null, null, null, 1, t, t) // biome-ignore format: row
        if (tag) insTag.run(projectId, id, tag, t)
        if (r() < EVALUATED) {
          for (const name of ['quality', 'relevance', 'sentiment', 'toxicity']) {
            const v = name === 'toxicity' ? r() ** 6 : Math.min(1, Math.max(0, 0.72 + (r() - 0.5) * 0.6))
            insScore.run(
              projectId,
              `${id}-${name}`,
              id,
              name,
              Math.round(v * 1000) / 1000,
              null,
              'numeric',
              'heuristic',
              t + 5000,
              t + 5000,
            )
            scores++
          }
          if (r() < CATEGORISED) {
            insScore.run(
              projectId,
              `${id}-category`,
              id,
              'category',
              null,
              pick(['product', 'support', 'billing', 'general', 'off_topic']),
              'categorical',
              'judge',
              t + 9000,
              t + 9000,
            )
            scores++
          }
        }
        written++
        t += 30_000 + Math.floor(r() * 90_000)
      }
    }
  })
  for (let target = 50_000; ; target += 50_000) {
    batch(Math.min(target, traces))
    if (written >= traces) break
  }
  const hour = (c: string) => `${c} - ${c} % 3600000`
  db.exec(`INSERT OR IGNORE INTO analytics_dirty (project_id, hour)
    SELECT DISTINCT project_id, ${hour('timestamp')} FROM traces UNION SELECT DISTINCT project_id, ${hour('started_at')} FROM sessions`)
  for (const sql of analytics
    .statements(TYPES.sqlite, 'sqlite')
    .filter((s) => s.startsWith('CREATE TRIGGER')))
    db.exec(sql)
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
  return { sessions, scores }
}
