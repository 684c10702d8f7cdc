import type { Migration } from './types.js'

/** Alert rules with their live state, notification channels, and the history of alert events. */
export const alerts: Migration = {
  id: '021-alerts',
  statements: ({ int, real }) => [
    `CREATE TABLE alert_rules (
      project_id TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, description TEXT,
      scope TEXT NOT NULL, metric TEXT NOT NULL, aggregation TEXT NOT NULL, comparator TEXT NOT NULL,
      threshold ${real} NOT NULL, window_ms ${int} NOT NULL, severity TEXT NOT NULL, filters TEXT NOT NULL,
      min_sample ${int} NOT NULL, cooldown_ms ${int} NOT NULL, enabled ${int} NOT NULL, channels TEXT,
      default_key TEXT, created_at ${int} NOT NULL, updated_at ${int} NOT NULL,
      state TEXT NOT NULL, state_since ${int}, state_suppressed ${int} NOT NULL, last_value ${real},
      last_sample ${int}, last_checked_at ${int}, last_notified_at ${int}, current_event_id TEXT,
      PRIMARY KEY (project_id, id))`,
    `CREATE TABLE alert_channels (
      project_id TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL, url TEXT,
      enabled ${int} NOT NULL, created_at ${int} NOT NULL, PRIMARY KEY (project_id, id))`,
    `CREATE TABLE alert_events (
      project_id TEXT NOT NULL, id TEXT NOT NULL, rule_id TEXT NOT NULL, rule_name TEXT NOT NULL,
      severity TEXT NOT NULL, kind TEXT NOT NULL, metric TEXT NOT NULL, comparator TEXT NOT NULL,
      threshold ${real} NOT NULL, value ${real}, sample ${int}, window_from ${int} NOT NULL, window_to ${int} NOT NULL,
      at ${int} NOT NULL, details TEXT NOT NULL, suppressed ${int} NOT NULL, delivery_status TEXT NOT NULL,
      deliveries TEXT NOT NULL, delivery_claimed_at ${int}, PRIMARY KEY (project_id, id))`,
    'CREATE INDEX alert_events_time ON alert_events (project_id, at)',
    'CREATE INDEX alert_events_rule ON alert_events (project_id, rule_id, at)',
    'CREATE INDEX alert_events_delivery ON alert_events (delivery_status, at)',
    `CREATE TABLE alert_defaults (project_id TEXT PRIMARY KEY, applied_at ${int} NOT NULL)`,
  ],
}
