import type { Dialect } from '../db.js'
import type { Migration, Types } from './types.js'

/** One hour in ms; rollups are kept per UTC hour. */
const HOUR = 3_600_000

/** The dimensions every rollup row is keyed by ('' and 0 stand for "not set"). */
const DIMS = `bot TEXT NOT NULL, version TEXT NOT NULL, variant TEXT NOT NULL, model TEXT NOT NULL,
  environment TEXT NOT NULL, prompt_name TEXT NOT NULL, prompt_version INTEGER NOT NULL, category TEXT NOT NULL`
const DIM_KEY = 'bot, version, variant, model, environment, prompt_name, prompt_version, category'

/**
 * Hourly rollups for the analytics API, and the queue of hours whose rollups are stale.
 * Triggers on traces, sessions, scores and feedback mark the hours a write touches, inside the
 * writer's own transaction, so every way data arrives (ingest, the evaluation worker, a later
 * tool) keeps the rollups correct without knowing about them.
 */
export const analytics: Migration = {
  id: '020-analytics',
  statements: (t, dialect) => [
    ...tables(t, dialect),
    ...(dialect === 'sqlite' ? sqliteTriggers() : postgresTriggers()),
    // Existing data: every hour that holds a trace or a conversation start is built once.
    `INSERT INTO analytics_dirty (project_id, hour)
      SELECT DISTINCT project_id, timestamp - timestamp % ${HOUR} FROM traces
      UNION SELECT DISTINCT project_id, started_at - started_at % ${HOUR} FROM sessions`,
  ],
}

function tables({ int, real }: Types, dialect: Dialect): string[] {
  const blob = dialect === 'postgres' ? 'BYTEA' : 'BLOB'
  return [
    // SQLite: one writer, so a unique key and INSERT OR IGNORE keep the queue small. PostgreSQL:
    // plain appends, because concurrent ingest transactions upserting one hot row would queue
    // behind each other's row lock; the builder reads it with DISTINCT.
    dialect === 'sqlite'
      ? 'CREATE TABLE analytics_dirty (project_id TEXT NOT NULL, hour INTEGER NOT NULL, PRIMARY KEY (project_id, hour)) WITHOUT ROWID'
      : 'CREATE TABLE analytics_dirty (project_id TEXT NOT NULL, hour BIGINT NOT NULL)',
    ...(dialect === 'postgres'
      ? ['CREATE INDEX analytics_dirty_hour ON analytics_dirty (project_id, hour)']
      : []),
    // grain 'd': one row per combination of dimensions; grain 't': the hour's total, so an
    // unfiltered dashboard reads one row per hour however many combinations there are.
    `CREATE TABLE analytics_hourly (
      project_id TEXT NOT NULL, hour ${int} NOT NULL, grain TEXT NOT NULL, ${DIMS}, error_type TEXT NOT NULL,
      traces ${int} NOT NULL, errors ${int} NOT NULL, scored ${int} NOT NULL,
      latency_n ${int} NOT NULL, latency_sum ${real} NOT NULL, latency_sumsq ${real} NOT NULL,
      latency_min ${real}, latency_max ${real}, latency_sketch ${blob},
      ttft_n ${int} NOT NULL, ttft_sum ${real} NOT NULL, ttft_sumsq ${real} NOT NULL, ttft_sketch ${blob},
      input_tokens ${int} NOT NULL, output_tokens ${int} NOT NULL, total_tokens ${int} NOT NULL,
      cost_n ${int} NOT NULL, cost_sum ${real} NOT NULL, cost_sumsq ${real} NOT NULL,
      scores TEXT NOT NULL, breakdown TEXT,
      PRIMARY KEY (project_id, hour, grain, ${DIM_KEY}, error_type))`,
    `CREATE TABLE analytics_conversations_hourly (
      project_id TEXT NOT NULL, hour ${int} NOT NULL, grain TEXT NOT NULL, ${DIMS},
      conversations ${int} NOT NULL, turns_sum ${int} NOT NULL, turns_sumsq ${real} NOT NULL,
      turns_max ${int} NOT NULL, ended ${int} NOT NULL, with_errors ${int} NOT NULL,
      resolved_known ${int} NOT NULL, resolved_yes ${int} NOT NULL,
      satisfaction_n ${int} NOT NULL, satisfaction_sum ${real} NOT NULL, satisfaction_sumsq ${real} NOT NULL,
      cost_sum ${real} NOT NULL, latency_sum ${real} NOT NULL, stages TEXT NOT NULL,
      PRIMARY KEY (project_id, hour, grain, ${DIM_KEY}))`,
  ]
}

const hourOf = (col: string) => `${col} - ${col} % ${HOUR}`
/**
 * SQLite trigger bodies insert only hours not yet queued. (INSERT OR IGNORE would not do: the
 * outer statement's conflict policy overrides a trigger's, and the ingest upsert's is ABORT.)
 */
const queue = (select: string) =>
  `INSERT INTO analytics_dirty (project_id, hour) SELECT project_id, hour FROM (${select}) AS m
   WHERE hour IS NOT NULL AND NOT EXISTS
     (SELECT 1 FROM analytics_dirty d WHERE d.project_id = m.project_id AND d.hour = m.hour);`
const mark = (project: string, time: string, when = '1') =>
  queue(`SELECT ${project} AS project_id, ${hourOf(time)} AS hour WHERE ${when}`)
const markSessionStart = (project: string, sessionId: string, when = '1') =>
  queue(
    `SELECT project_id, ${hourOf('started_at')} AS hour FROM sessions WHERE project_id = ${project} AND id = ${sessionId} AND ${when}`,
  )
const markTraceHour = (project: string, traceId: string) =>
  queue(
    `SELECT project_id, ${hourOf('timestamp')} AS hour FROM traces WHERE project_id = ${project} AND id = ${traceId}`,
  )
const markTraceSession = (project: string, traceId: string) =>
  queue(`SELECT s.project_id, ${hourOf('s.started_at')} AS hour FROM traces t
     JOIN sessions s ON s.project_id = t.project_id AND s.id = t.session_id
     WHERE t.project_id = ${project} AND t.id = ${traceId}`)

function sqliteTriggers(): string[] {
  const onTrace = `${mark('NEW.project_id', 'NEW.timestamp')} ${markSessionStart('NEW.project_id', 'NEW.session_id')}`
  // The old hour and conversation only when an update moved the trace (rare: a span that started earlier).
  const onTraceMoved = `${mark('OLD.project_id', 'OLD.timestamp', `${hourOf('OLD.timestamp')} <> ${hourOf('NEW.timestamp')}`)}
    ${markSessionStart('OLD.project_id', 'OLD.session_id', 'OLD.session_id IS NOT NEW.session_id')}`
  const onScore = markTraceHour('NEW.project_id', 'NEW.trace_id')
  // A conversation's dimensions are its first turn's, category included: only category scores touch it.
  const onCategory = markTraceSession('NEW.project_id', 'NEW.trace_id')
  const onFeedback = (row: 'NEW' | 'OLD') =>
    `${markSessionStart(`${row}.project_id`, `${row}.session_id`)} ${markTraceSession(`${row}.project_id`, `${row}.trace_id`)}`
  const onSession = (row: 'NEW' | 'OLD') => mark(`${row}.project_id`, `${row}.started_at`)
  return [
    `CREATE TRIGGER analytics_traces_insert AFTER INSERT ON traces BEGIN ${onTrace} END`,
    `CREATE TRIGGER analytics_traces_update AFTER UPDATE ON traces BEGIN ${onTrace} ${onTraceMoved} END`,
    `CREATE TRIGGER analytics_sessions_insert AFTER INSERT ON sessions BEGIN ${onSession('NEW')} END`,
    `CREATE TRIGGER analytics_sessions_update AFTER UPDATE ON sessions BEGIN ${onSession('NEW')} ${onSession('OLD')} END`,
    `CREATE TRIGGER analytics_scores_insert AFTER INSERT ON scores WHEN NEW.trace_id IS NOT NULL BEGIN ${onScore} END`,
    `CREATE TRIGGER analytics_scores_update AFTER UPDATE ON scores WHEN NEW.trace_id IS NOT NULL BEGIN ${onScore} END`,
    `CREATE TRIGGER analytics_category_insert AFTER INSERT ON scores WHEN NEW.trace_id IS NOT NULL AND NEW.name = 'category' BEGIN ${onCategory} END`,
    `CREATE TRIGGER analytics_category_update AFTER UPDATE ON scores WHEN NEW.trace_id IS NOT NULL AND NEW.name = 'category' BEGIN ${onCategory} END`,
    `CREATE TRIGGER analytics_feedback_insert AFTER INSERT ON feedback BEGIN ${onFeedback('NEW')} END`,
    `CREATE TRIGGER analytics_feedback_update AFTER UPDATE ON feedback BEGIN ${onFeedback('NEW')} END`,
  ]
}

/**
 * PostgreSQL: statement-level triggers over transition tables, so a multi-row upsert marks each
 * distinct hour once instead of once per row.
 */
function postgresTriggers(): string[] {
  const fn = (name: string, body: string) =>
    `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
     BEGIN
       INSERT INTO analytics_dirty (project_id, hour) SELECT DISTINCT project_id, hour FROM (${body}) AS marked;
       RETURN NULL;
     END $fn$`
  const traceHours = (rows: string) =>
    `SELECT r.project_id, ${hourOf('r.timestamp')} AS hour FROM ${rows} r
     UNION ALL SELECT s.project_id, ${hourOf('s.started_at')} FROM ${rows} r
       JOIN sessions s ON s.project_id = r.project_id AND s.id = r.session_id`
  const sessionHours = (rows: string) =>
    `SELECT r.project_id, ${hourOf('r.started_at')} AS hour FROM ${rows} r`
  const viaTrace = (rows: string, sessionWhen = 'true') =>
    `SELECT t.project_id, ${hourOf('t.timestamp')} AS hour FROM ${rows} r
       JOIN traces t ON t.project_id = r.project_id AND t.id = r.trace_id
     UNION ALL SELECT s.project_id, ${hourOf('s.started_at')} FROM ${rows} r
       JOIN traces t ON t.project_id = r.project_id AND t.id = r.trace_id
       JOIN sessions s ON s.project_id = t.project_id AND s.id = t.session_id
     WHERE ${sessionWhen}`
  const feedbackHours = (rows: string) =>
    `${viaTrace(rows)} UNION ALL SELECT s.project_id, ${hourOf('s.started_at')} FROM ${rows} r
       JOIN sessions s ON s.project_id = r.project_id AND s.id = r.session_id`
  const trigger = (table: string, event: 'INSERT' | 'UPDATE', func: string) =>
    `CREATE TRIGGER analytics_${table}_${event.toLowerCase()} AFTER ${event} ON ${table}
     REFERENCING ${event === 'UPDATE' ? 'OLD TABLE AS old_rows ' : ''}NEW TABLE AS new_rows
     FOR EACH STATEMENT EXECUTE FUNCTION ${func}()`
  return [
    fn('analytics_mark_traces_insert', traceHours('new_rows')),
    fn('analytics_mark_traces_update', `${traceHours('new_rows')} UNION ALL ${traceHours('old_rows')}`),
    fn('analytics_mark_sessions_insert', sessionHours('new_rows')),
    fn('analytics_mark_sessions_update', `${sessionHours('new_rows')} UNION ALL ${sessionHours('old_rows')}`),
    fn('analytics_mark_scores', viaTrace('new_rows', "r.name = 'category'")),
    fn('analytics_mark_feedback', feedbackHours('new_rows')),
    trigger('traces', 'INSERT', 'analytics_mark_traces_insert'),
    trigger('traces', 'UPDATE', 'analytics_mark_traces_update'),
    trigger('sessions', 'INSERT', 'analytics_mark_sessions_insert'),
    trigger('sessions', 'UPDATE', 'analytics_mark_sessions_update'),
    trigger('scores', 'INSERT', 'analytics_mark_scores'),
    trigger('scores', 'UPDATE', 'analytics_mark_scores'),
    trigger('feedback', 'INSERT', 'analytics_mark_feedback'),
    trigger('feedback', 'UPDATE', 'analytics_mark_feedback'),
  ]
}
