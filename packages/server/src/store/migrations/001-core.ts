import type { Migration } from './types.js'

export const core: Migration = {
  id: '001-core',
  statements: ({ int, real, withoutRowid }) => [
    `CREATE TABLE projects (
      id TEXT PRIMARY KEY, name TEXT NOT NULL, settings TEXT NOT NULL DEFAULT '{}', created_at ${int} NOT NULL)`,
    `CREATE TABLE api_keys (
      id TEXT PRIMARY KEY, project_id TEXT NOT NULL, name TEXT NOT NULL, prefix TEXT NOT NULL,
      hash TEXT NOT NULL UNIQUE, scopes TEXT NOT NULL, created_at ${int} NOT NULL,
      last_used_at ${int}, revoked_at ${int})`,
    'CREATE INDEX api_keys_project ON api_keys (project_id)',
    `CREATE TABLE traces (
      project_id TEXT NOT NULL, id TEXT NOT NULL, name TEXT, timestamp ${int} NOT NULL, end_time ${int},
      bot TEXT, version TEXT, variant TEXT, environment TEXT NOT NULL, user_id TEXT, session_id TEXT,
      model TEXT, parameters TEXT, input TEXT, output TEXT,
      input_tokens ${int}, output_tokens ${int}, total_tokens ${int}, cached_input_tokens ${int},
      reasoning_tokens ${int}, cost_usd ${real}, latency_ms ${real}, ttft_ms ${real},
      status TEXT NOT NULL, error TEXT, error_type TEXT, tags TEXT NOT NULL, metadata TEXT NOT NULL,
      prompt_name TEXT, prompt_version ${int}, experiment_key TEXT, experiment_variant TEXT,
      evaluate ${int}, usage_explicit ${int} NOT NULL, created_at ${int} NOT NULL, updated_at ${int} NOT NULL,
      PRIMARY KEY (project_id, id))`,
    'CREATE INDEX traces_time ON traces (project_id, timestamp, id)',
    'CREATE INDEX traces_session ON traces (project_id, session_id, timestamp)',
    'CREATE INDEX traces_user ON traces (project_id, user_id, timestamp)',
    `CREATE TABLE trace_tags (
      project_id TEXT NOT NULL, trace_id TEXT NOT NULL, tag TEXT NOT NULL, timestamp ${int} NOT NULL,
      PRIMARY KEY (project_id, trace_id, tag))${withoutRowid}`,
    'CREATE INDEX trace_tags_tag ON trace_tags (project_id, tag, timestamp)',
    `CREATE TABLE spans (
      project_id TEXT NOT NULL, id TEXT NOT NULL, trace_id TEXT NOT NULL, parent_id TEXT, kind TEXT NOT NULL,
      name TEXT, start_time ${int} NOT NULL, end_time ${int}, completion_start_time ${int}, model TEXT,
      parameters TEXT, input TEXT, output TEXT,
      input_tokens ${int}, output_tokens ${int}, total_tokens ${int}, cached_input_tokens ${int},
      reasoning_tokens ${int}, cost_usd ${real}, status TEXT NOT NULL, error TEXT, error_type TEXT,
      metadata TEXT NOT NULL, prompt_name TEXT, prompt_version ${int},
      created_at ${int} NOT NULL, updated_at ${int} NOT NULL, PRIMARY KEY (project_id, id))`,
    'CREATE INDEX spans_trace ON spans (project_id, trace_id)',
    `CREATE TABLE sessions (
      project_id TEXT NOT NULL, id TEXT NOT NULL, user_id TEXT, bot TEXT, environment TEXT,
      started_at ${int} NOT NULL, ended_at ${int}, satisfaction ${real}, resolved ${int}, stage TEXT,
      tags TEXT NOT NULL, metadata TEXT NOT NULL, created_at ${int} NOT NULL, updated_at ${int} NOT NULL,
      PRIMARY KEY (project_id, id))`,
    'CREATE INDEX sessions_time ON sessions (project_id, started_at, id)',
    'CREATE INDEX sessions_user ON sessions (project_id, user_id)',
    `CREATE TABLE scores (
      project_id TEXT NOT NULL, id TEXT NOT NULL, trace_id TEXT, span_id TEXT, session_id TEXT,
      name TEXT NOT NULL, value ${real}, string_value TEXT, data_type TEXT NOT NULL, source TEXT NOT NULL,
      evaluator TEXT, evaluator_version TEXT, comment TEXT, timestamp ${int} NOT NULL, metadata TEXT NOT NULL,
      created_at ${int} NOT NULL, PRIMARY KEY (project_id, id))`,
    'CREATE INDEX scores_trace ON scores (project_id, trace_id)',
    'CREATE INDEX scores_session ON scores (project_id, session_id)',
    'CREATE INDEX scores_name_time ON scores (project_id, name, timestamp)',
    `CREATE TABLE feedback (
      project_id TEXT NOT NULL, id TEXT NOT NULL, trace_id TEXT, session_id TEXT, user_id TEXT,
      thumbs TEXT, rating ${int}, satisfaction ${real}, comment TEXT, correction TEXT,
      timestamp ${int} NOT NULL, metadata TEXT NOT NULL, created_at ${int} NOT NULL,
      PRIMARY KEY (project_id, id))`,
    'CREATE INDEX feedback_trace ON feedback (project_id, trace_id)',
    'CREATE INDEX feedback_session ON feedback (project_id, session_id)',
    'CREATE INDEX feedback_time ON feedback (project_id, timestamp)',
    `CREATE TABLE ingest_events (
      project_id TEXT NOT NULL, event_id TEXT NOT NULL, received_at ${int} NOT NULL,
      PRIMARY KEY (project_id, event_id))${withoutRowid}`,
    'CREATE INDEX ingest_events_received ON ingest_events (received_at)',
  ],
}
